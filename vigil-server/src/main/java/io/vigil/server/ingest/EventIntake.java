package io.vigil.server.ingest;

import io.vigil.ingest.journal.EventBatch;
import io.vigil.ingest.journal.EventBatchCodec;
import io.vigil.ingest.journal.Journal;
import io.vigil.ingest.journal.JournalConfig;
import io.vigil.ingest.journal.JournalFullException;
import io.vigil.ingest.journal.PositionRange;
import io.vigil.ingest.source.EventSources;
import io.vigil.server.metrics.IngestMetrics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The one way into the journal for every source (HTTP, syslog, the watched folder): input is decoded
 * once to refuse what is malformed, then appended durably, and what happened is counted by source.
 * Sources differ only in what they do with a refusal (a 4xx, a dropped message, a file moved aside).
 */
@Service
public class EventIntake {

    /** How long a refusal for lack of room keeps the server "not ready": the Retry-After senders are given. */
    public static final Duration BUSY_WINDOW = Duration.ofSeconds(5);

    /** What became of a batch offered with {@link #accept}. */
    public sealed interface Outcome permits Accepted, Malformed, Busy {
    }

    public record Accepted(long events, long position) implements Outcome {
    }

    public record Malformed(EventBatchCheck.Result check) implements Outcome {
    }

    public record Busy(String reason) implements Outcome {
    }

    private final Journal journal;
    private final int maxRecordBytes;
    private final IngestMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    private final EventBatchCheck check = new EventBatchCheck(EventSources.standard(IngestLimits.CONTAINERS));
    private volatile Instant lastRefusedForRoom = Instant.MIN;

    public EventIntake(Journal journal, JournalConfig journalConfig, IngestMetrics metrics) {
        this.journal = journal;
        this.maxRecordBytes = journalConfig.maxRecordBytes();
        this.metrics = metrics;
    }

    /** Checks and journals one batch all or nothing: a batch with any undecodable record is refused whole. */
    public Outcome accept(SourceKind kind, String source, byte[] content) throws IOException {
        EventBatchCheck.Result checked = check(kind, source, content);
        if (!checked.valid()) {
            metrics.refused(kind.tag(), "malformed", 1);
            return new Malformed(checked);
        }
        try {
            PositionRange written = journal(kind, List.of(checkedBatch(source, checked, content.length)));
            return new Accepted(checked.events(), written.first());
        } catch (JournalFullException e) {
            return new Busy(e.getMessage());
        } catch (IllegalArgumentException e) {
            metrics.refused(kind.tag(), "malformed", 1);
            return new Malformed(new EventBatchCheck.Result(checked.events(), 1, List.of(e.getMessage()), List.of()));
        }
    }

    /** What {@link #journal} takes for a batch that {@link #check} found valid. */
    public CheckedBatch checkedBatch(String source, EventBatchCheck.Result checked, long receivedBytes) {
        return new CheckedBatch(new EventBatch(source, clock.instant(), checked.events(), checked.detected()),
                receivedBytes);
    }

    /** Decodes {@code content} once without journaling it; undecodable records are counted for {@code kind}. */
    public EventBatchCheck.Result check(SourceKind kind, String source, byte[] content) {
        EventBatchCheck.Result checked = check.check(source, content);
        if (checked.errors() > 0) {
            metrics.undecodable(kind.tag(), checked.errors());
        }
        return checked;
    }

    /**
     * Appends checked batches as one durable group and counts them; nothing is counted as received
     * unless the append returned.
     *
     * @throws JournalFullException     when the journal has no room (also when a group can never fit its
     *                                  bounds); nothing was written and the refusal is counted
     * @throws IllegalArgumentException when one event alone is larger than a journal record
     */
    public PositionRange journal(SourceKind kind, List<CheckedBatch> batches) throws JournalFullException, IOException {
        List<byte[]> payloads = new ArrayList<>(batches.size());
        long events = 0;
        long bytes = 0;
        for (CheckedBatch b : batches) {
            payloads.addAll(EventBatchCodec.encode(b.batch(), maxRecordBytes));
            events += b.events();
            bytes += b.receivedBytes();
        }
        PositionRange written;
        try {
            written = journal.append(payloads);
        } catch (JournalFullException e) {
            lastRefusedForRoom = clock.instant();
            metrics.refused(kind.tag(), "journal-full", batches.size());
            throw e;
        }
        metrics.received(kind.tag(), batches.size(), events, bytes);
        return written;
    }

    /** Counts records a source found undecodable while reading its input itself. */
    public void undecodable(SourceKind kind, long records) {
        metrics.undecodable(kind.tag(), records);
    }

    /** Counts a refusal a source decided on its own (too large, unsupported type, too many connections). */
    public void refused(SourceKind kind, String reason, long units) {
        metrics.refused(kind.tag(), reason, units);
    }

    /** True while the journal refused an append for lack of room within the last {@link #BUSY_WINDOW}. */
    public boolean recentlyRefusedForRoom() {
        return lastRefusedForRoom.isAfter(clock.instant().minus(BUSY_WINDOW));
    }
}
