package io.vigil.server.ingest.syslog;

import io.vigil.ingest.journal.IngestBatch;
import io.vigil.server.ingest.CheckedBatch;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checked messages from one sender waiting to be journaled together: JSON events as JSON lines and
 * event XML concatenated (both decoders read such a stream), so a group becomes at most two journal
 * records.
 */
final class MessageGroup {

    static final String JSON_LINES = "application/x-ndjson";
    static final String EVENT_XML = "application/xml";

    private final ByteArrayOutputStream jsonLines = new ByteArrayOutputStream();
    private final ByteArrayOutputStream eventXml = new ByteArrayOutputStream();
    private long jsonEvents;
    private long xmlEvents;
    private int messages;
    private long firstAddedNanos;

    /** Adds a checked payload: a JSON event already on one line, or event XML. */
    void add(SyslogPayload payload, long events) {
        if (messages == 0) {
            firstAddedNanos = System.nanoTime();
        }
        messages++;
        if (payload.json()) {
            jsonLines.writeBytes(payload.bytes());
            jsonLines.write('\n');
            jsonEvents += events;
        } else {
            eventXml.writeBytes(payload.bytes());
            eventXml.write('\n');
            xmlEvents += events;
        }
    }

    boolean isEmpty() {
        return messages == 0;
    }

    int messages() {
        return messages;
    }

    boolean due(SyslogLimits limits) {
        return messages > 0 && (messages >= limits.groupMessages()
                || jsonLines.size() + eventXml.size() >= limits.groupBytes()
                || System.nanoTime() - firstAddedNanos >= limits.groupAge().toNanos());
    }

    List<CheckedBatch> batches(String source, Instant receivedAt) {
        List<CheckedBatch> batches = new ArrayList<>(2);
        if (jsonEvents > 0) {
            batches.add(new CheckedBatch(new IngestBatch(source, JSON_LINES, receivedAt, jsonLines.toByteArray()), jsonEvents));
        }
        if (xmlEvents > 0) {
            batches.add(new CheckedBatch(new IngestBatch(source, EVENT_XML, receivedAt, eventXml.toByteArray()), xmlEvents));
        }
        return batches;
    }

    void clear() {
        jsonLines.reset();
        eventXml.reset();
        jsonEvents = 0;
        xmlEvents = 0;
        messages = 0;
    }
}
