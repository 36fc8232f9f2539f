package io.vigil.ingest.json;

import java.util.Map;

/** Recognises a record's dialect from its own keys, so one stream may mix dialects. */
final class JsonDialects {

    private JsonDialects() {
    }

    static JsonDialect of(Map<String, Object> record) throws RecordException {
        if (EventEnvelopeDialect.matches(record)) {
            return EventEnvelopeDialect.INSTANCE;
        }
        if (WinlogbeatDialect.matches(record)) {
            return WinlogbeatDialect.INSTANCE;
        }
        if (SentinelDialect.matches(record)) {
            return SentinelDialect.INSTANCE;
        }
        if (record.containsKey("EventID")) {
            return FlatDialect.INSTANCE;
        }
        throw new RecordException("not a Windows event: no EventID, winlog, or Event.System");
    }
}
