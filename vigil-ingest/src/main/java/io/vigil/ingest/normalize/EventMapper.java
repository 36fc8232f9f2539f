package io.vigil.ingest.normalize;

import io.vigil.model.event.WindowsEvent;
import io.vigil.model.identity.IdentityEvent;

/** Maps one Windows event id to its identity view; returns null when the event says nothing usable. */
@FunctionalInterface
interface EventMapper {
    IdentityEvent map(WindowsEvent event);
}
