package io.vigil.ingest.journal;

import io.vigil.model.event.EventOrigin;
import io.vigil.model.event.WindowsEvent;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binary form of an {@link EventBatch} as journal payloads, big-endian, format version 2 (version 1 is
 * {@link IngestBatchCodec}'s raw batch; the first byte tells them apart):
 *
 * <pre>
 * byte    format version (2)
 * text    source
 * long    received-at epoch seconds, int nanoseconds
 * long    records the request held
 * int     events in this payload, then per event:
 *         text provider, text channel, int event id, int version, text computer,
 *         long time epoch seconds, int nanoseconds, long record id,
 *         text origin source, long origin position,
 *         int field count, then text name and text value per field
 * </pre>
 *
 * A text is an int: n ≥ 0 is n UTF-8 bytes that follow; n &lt; 0 repeats the (-n)th text of this payload,
 * so field names, channels and computers cost a few bytes after their first use; {@code Integer.MIN_VALUE}
 * is a null value. A batch larger than
 * the journal's record limit is split into several payloads; only the first counts the records.
 */
public final class EventBatchCodec {

    public static final byte VERSION = 2;
    private static final int MAX_FIELDS = 100_000;
    /** A field value some decoders leave null. */
    private static final int NULL_TEXT = Integer.MIN_VALUE;
    /** Encoded size of an event besides its texts: numbers and counts. */
    private static final int EVENT_FIXED_BYTES = 4 + 4 + 8 + 4 + 8 + 8 + 4;

    private EventBatchCodec() {
    }

    /** Whether a journal payload is in this format. */
    public static boolean isEventBatch(byte[] payload) {
        return payload.length > 0 && payload[0] == VERSION;
    }

    /**
     * Encodes the batch as payloads of at most {@code maxPayloadBytes} each.
     *
     * @throws IllegalArgumentException if a single event does not fit in one payload
     */
    public static List<byte[]> encode(EventBatch batch, int maxPayloadBytes) {
        List<byte[]> payloads = new ArrayList<>(1);
        Writer writer = new Writer(batch, batch.records(), maxPayloadBytes);
        for (WindowsEvent event : batch.events()) {
            if (!writer.tryAdd(event)) {
                if (writer.events == 0) {
                    throw new IllegalArgumentException("event " + event.origin() + " needs more than "
                            + maxPayloadBytes + " bytes in the journal");
                }
                payloads.add(writer.finish());
                writer = new Writer(batch, 0, maxPayloadBytes);
                if (!writer.tryAdd(event)) {
                    throw new IllegalArgumentException("event " + event.origin() + " needs more than "
                            + maxPayloadBytes + " bytes in the journal");
                }
            }
        }
        payloads.add(writer.finish());
        return payloads;
    }

    /** @throws IllegalArgumentException if {@code payload} is not an encoded event batch */
    public static EventBatch decode(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        try {
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("not an event batch: format version " + version);
            }
            Reader reader = new Reader(in);
            String source = reader.text();
            Instant receivedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
            long records = in.getLong();
            int count = in.getInt();
            if (count < 0 || count > in.remaining() / EVENT_FIXED_BYTES) {
                throw new IllegalArgumentException("event batch claims " + count + " events in " + payload.length + " bytes");
            }
            List<WindowsEvent> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                events.add(reader.event());
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("event batch has " + in.remaining() + " bytes after its events");
            }
            return new EventBatch(source, receivedAt, records, events);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated event batch (" + payload.length + " bytes)", e);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("event batch with an impossible time: " + e.getMessage(), e);
        }
    }

    /** Writes one payload; texts already written in it are referred back to. */
    private static final class Writer {
        private final int limit;
        private final Map<String, Integer> written = new HashMap<>();
        private ByteBuffer out;
        private int countAt;
        private int events;

        Writer(EventBatch batch, long records, int limit) {
            this.limit = limit;
            this.out = ByteBuffer.allocate(Math.min(limit, 4096));
            out.put(VERSION);
            text(batch.source());
            out.putLong(batch.receivedAt().getEpochSecond()).putInt(batch.receivedAt().getNano()).putLong(records);
            countAt = out.position();
            out.putInt(0);
        }

        /** Adds the event unless the payload would grow past its limit; then it is left as it was. */
        boolean tryAdd(WindowsEvent e) {
            int mark = out.position();
            int textsBefore = written.size();
            text(e.provider());
            text(e.channel());
            room(12);
            out.putInt(e.eventId()).putInt(e.version());
            text(e.computer());
            room(20);
            out.putLong(e.time().getEpochSecond()).putInt(e.time().getNano()).putLong(e.recordId());
            text(e.origin().source());
            room(12);
            out.putLong(e.origin().position()).putInt(e.data().size());
            e.data().forEach((name, value) -> {
                text(name);
                text(value);
            });
            if (out.position() > limit) {
                out.position(mark);
                forgetTextsSince(textsBefore);
                return false;
            }
            events++;
            return true;
        }

        byte[] finish() {
            out.putInt(countAt, events);
            return Arrays.copyOf(out.array(), out.position());
        }

        private void text(String value) {
            if (value == null) {
                room(4);
                out.putInt(NULL_TEXT);
                return;
            }
            Integer earlier = written.get(value);
            if (earlier != null) {
                room(4);
                out.putInt(-earlier);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            room(4 + bytes.length);
            out.putInt(bytes.length).put(bytes);
            written.put(value, written.size() + 1);
        }

        private void forgetTextsSince(int size) {
            written.values().removeIf(number -> number > size);
        }

        private void room(int bytes) {
            if (out.remaining() < bytes) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + bytes));
                out.flip();
                bigger.put(out);
                out = bigger;
            }
        }
    }

    private static final class Reader {
        private final ByteBuffer in;
        private final List<String> texts = new ArrayList<>();

        Reader(ByteBuffer in) {
            this.in = in;
        }

        WindowsEvent event() {
            String provider = text();
            String channel = text();
            int eventId = in.getInt();
            int version = in.getInt();
            String computer = text();
            Instant time = Instant.ofEpochSecond(in.getLong(), in.getInt());
            long recordId = in.getLong();
            EventOrigin origin = new EventOrigin(text(), in.getLong());
            int fields = in.getInt();
            if (fields < 0 || fields > MAX_FIELDS || fields > in.remaining() / 8) {
                throw new IllegalArgumentException("event claims " + fields + " fields");
            }
            Map<String, String> data = new LinkedHashMap<>(Math.max(4, fields * 4 / 3 + 1));
            for (int i = 0; i < fields; i++) {
                data.putIfAbsent(text(), text());
            }
            return new WindowsEvent(provider, channel, eventId, version, computer, time, recordId,
                    Collections.unmodifiableMap(data), origin);
        }

        String text() {
            int length = in.getInt();
            if (length == NULL_TEXT) {
                return null;
            }
            if (length < 0) {
                int index = -length - 1;
                if (index >= texts.size()) {
                    throw new IllegalArgumentException("event batch refers to text " + (index + 1) + " of "
                            + texts.size());
                }
                return texts.get(index);
            }
            if (length > in.remaining()) {
                throw new BufferUnderflowException();
            }
            String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
            texts.add(text);
            return text;
        }
    }
}
