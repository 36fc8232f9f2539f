package io.vigil.store.outbox;

import io.vigil.model.alert.Alert;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/** The alert as the outbox keeps it. */
final class OutboxJson {

    static final TypeReference<Alert> ALERT = new TypeReference<>() { };

    private OutboxJson() {
    }

    /** Whether a SIEM row of each would read the same: evidence events and the analysts' classification are not exported. */
    static boolean sameForSiem(Alert a, Alert b) {
        return withoutEvidence(a).equals(new Alert(b.id(), b.type(), b.externalId(), b.alertTypeName(), b.name(),
                b.severity(), b.description(), b.remediationSteps(), b.startTime(), b.endTime(), b.tactics(),
                b.techniques(), b.compromisedEntity(), b.entities(), b.extendedProperties(), List.of(), b.evidenceCount(),
                b.status(), a.classification()));
    }

    /** The alert without its evidence events: no SIEM row carries them, and they are most of an alert's weight. */
    static Alert withoutEvidence(Alert a) {
        return new Alert(a.id(), a.type(), a.externalId(), a.alertTypeName(), a.name(), a.severity(), a.description(),
                a.remediationSteps(), a.startTime(), a.endTime(), a.tactics(), a.techniques(), a.compromisedEntity(),
                a.entities(), a.extendedProperties(), List.of(), a.evidenceCount(), a.status(), a.classification());
    }
}
