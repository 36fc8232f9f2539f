package io.vigil.server.demo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One Security event of the demo recording, before it is written as XML or JSON. */
record DemoEvent(int eventId, Instant time, long recordId, Map<String, String> data) {

    static Builder at(Instant time, int eventId) {
        return new Builder(time, eventId);
    }

    static final class Builder {
        private final Instant time;
        private final int eventId;
        private final Map<String, String> data = new LinkedHashMap<>();

        private Builder(Instant time, int eventId) {
            this.time = time;
            this.eventId = eventId;
        }

        Builder with(String name, String value) {
            data.put(name, value);
            return this;
        }

        DemoEvent record(long recordId) {
            return new DemoEvent(eventId, time, recordId, data);
        }
    }
}
