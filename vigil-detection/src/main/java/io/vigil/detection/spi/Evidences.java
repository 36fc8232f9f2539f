package io.vigil.detection.spi;

import io.vigil.model.alert.Evidence;
import io.vigil.model.identity.IdentityEvent;
import java.util.Locale;

/** Turns an event into evidence with a one-line summary an analyst can read. */
public final class Evidences {

    private Evidences() {
    }

    public static Evidence of(IdentityEvent e) {
        var raw = e.raw();
        return new Evidence(e.time(), e.eventId(), raw == null ? e.destination() : raw.computer(),
                raw == null ? -1 : raw.recordId(), raw == null ? "" : raw.origin().toString(), summary(e));
    }

    static String summary(IdentityEvent e) {
        StringBuilder s = new StringBuilder(96);
        s.append(e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (e.actor() != null) {
            s.append(" by ").append(e.actor().display());
        }
        if (e.target() != null && !e.target().sameAs(e.actor())) {
            s.append(" on ").append(e.target().display());
        }
        if (e.group() != null) {
            s.append(" in group ").append(e.group().display());
        }
        if (e.service() != null) {
            s.append(" service ").append(e.service());
        }
        if (e.source().isKnown()) {
            s.append(" from ").append(e.source().display());
        }
        if (e.destination() != null && !e.destination().isEmpty()) {
            s.append(" at ").append(e.destination());
        }
        if (e.encryptionType() != IdentityEvent.NONE) {
            s.append(" etype 0x").append(Integer.toHexString(e.encryptionType()));
        }
        if (e.status() > 0) {
            s.append(" status 0x").append(Long.toHexString(e.status()));
        }
        if (e.subStatus() > 0) {
            s.append('/').append("0x").append(Long.toHexString(e.subStatus()));
        }
        return s.toString();
    }
}
