package io.vigil.ingest.json;

import java.util.Map;

import io.vigil.model.event.EventOrigin;
import io.vigil.model.event.WindowsEvent;

/** One JSON layout of Windows events (NXLog flat, Winlogbeat, Sentinel, the {@code Event} envelope). */
interface JsonDialect {

    /** Short name for error messages. */
    String name();

    WindowsEvent toEvent(Map<String, Object> record, EventOrigin origin, LocalTimeResolver clock) throws RecordException;
}
