package io.vigil.detection.spi;

import io.vigil.model.identity.IdentityEvent;

/** Extracts the key whose state an event updates. Returns null to skip the event. */
@FunctionalInterface
public interface KeySelector {

    String keyOf(IdentityEvent event);

    /** The acting account. */
    KeySelector ACTOR = e -> e.actor() == null ? null : e.actor().key();

    /** The account acted upon. */
    KeySelector TARGET = e -> e.target() == null ? null : e.target().key();

    /** The source IP, else the source host ({@link io.vigil.model.identity.Endpoint#key()}), else the acting account. */
    KeySelector SOURCE = e -> {
        String source = e.source().key();
        if (source != null) {
            return source;
        }
        return e.actor() == null ? null : "account:" + e.actor().key();
    };

    /** One key for the whole stream. */
    KeySelector GLOBAL = e -> "*";
}
