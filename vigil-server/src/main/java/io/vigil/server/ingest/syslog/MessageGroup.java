package io.vigil.server.ingest.syslog;

import io.vigil.ingest.journal.EventBatch;
import io.vigil.model.event.WindowsEvent;
import io.vigil.server.ingest.CheckedBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checked messages from one sender waiting to be journaled together, as one journal batch: the events
 * detectors read, and the count of all the messages held.
 */
final class MessageGroup {

    private final List<WindowsEvent> detected = new ArrayList<>();
    private long events;
    private long bytes;
    private int messages;
    private long firstAddedNanos;

    /** Adds a checked message: its size, the events it held, and those of them detectors read. */
    void add(int messageBytes, long messageEvents, List<WindowsEvent> messageDetected) {
        if (messages == 0) {
            firstAddedNanos = System.nanoTime();
        }
        messages++;
        bytes += messageBytes;
        events += messageEvents;
        detected.addAll(messageDetected);
    }

    boolean isEmpty() {
        return messages == 0;
    }

    int messages() {
        return messages;
    }

    boolean due(SyslogLimits limits) {
        return messages > 0 && (messages >= limits.groupMessages()
                || bytes >= limits.groupBytes()
                || System.nanoTime() - firstAddedNanos >= limits.groupAge().toNanos());
    }

    List<CheckedBatch> batches(String source, Instant receivedAt) {
        return List.of(new CheckedBatch(new EventBatch(source, receivedAt, events, detected), bytes));
    }

    void clear() {
        detected.clear();
        events = 0;
        bytes = 0;
        messages = 0;
    }
}
