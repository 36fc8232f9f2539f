package io.vigil.engine.embedded;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's keyed state at one point of its input, as bytes (gzip'd JSON): every (detector, key)
 * state, every pending timer, and the event-time clock. Detectors are named by id and states are
 * plain JSON of their POJO, read back into the state type the detector's {@code newState()} gives, so
 * a snapshot survives a restart, another worker count and added or removed detectors; it never names
 * a Java class to load, so a tampered snapshot cannot make the server instantiate anything else.
 *
 * @param newest    the newest event time submitted
 * @param watermark the event-time watermark
 */
record StateSnapshot(Instant newest, Instant watermark, List<KeyedState> states, List<PendingTimer> timers) {

    static final int FORMAT = 1;
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    record KeyedState(String detector, String key, JsonNode state) {
    }

    record PendingTimer(String detector, String key, Instant time) {
    }

    /** What {@link #toBytes} writes: a format number first, so a later format can still be told apart. */
    private record Stored(int format, Instant newest, Instant watermark, List<KeyedState> states,
            List<PendingTimer> timers) {
    }

    static StateSnapshot combine(Instant newest, Instant watermark, List<StateSnapshot> parts) {
        List<KeyedState> states = new ArrayList<>();
        List<PendingTimer> timers = new ArrayList<>();
        for (StateSnapshot part : parts) {
            states.addAll(part.states());
            timers.addAll(part.timers());
        }
        return new StateSnapshot(newest, watermark, states, timers);
    }

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            JSON.writeValue(out, new Stored(FORMAT, newest, watermark, states, timers));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a snapshot this engine can read */
    static StateSnapshot fromBytes(byte[] snapshot) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(snapshot))) {
            Stored stored = JSON.readValue(in, Stored.class);
            if (stored.format() != FORMAT) {
                throw new IllegalArgumentException("engine snapshot format " + stored.format() + " is not " + FORMAT);
            }
            return new StateSnapshot(stored.newest(), stored.watermark(),
                    stored.states() == null ? List.of() : stored.states(),
                    stored.timers() == null ? List.of() : stored.timers());
        } catch (IOException | JacksonException e) {
            throw new IllegalArgumentException("not an engine snapshot: " + e.getMessage(), e);
        }
    }
}
