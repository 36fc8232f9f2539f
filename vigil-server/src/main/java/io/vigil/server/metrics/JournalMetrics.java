package io.vigil.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.vigil.ingest.journal.Journal;
import org.springframework.stereotype.Component;

/**
 * The journal and how far detection is behind it: {@code vigil_journal_unconsumed_bytes} (what the
 * back-pressure bound compares), {@code vigil_journal_next_position},
 * {@code vigil_detection_lag_records} (journal records written but not yet handed to the engine) and
 * {@code vigil_journal_appends_rejected_total}.
 */
@Component
public class JournalMetrics implements MeterBinder {

    private final Journal journal;
    private final DetectionProgress detection;

    JournalMetrics(Journal journal, DetectionProgress detection) {
        this.journal = journal;
        this.detection = detection;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("vigil.journal.unconsumed", journal, Journal::unconsumedBytes).baseUnit("bytes")
                .description("journal bytes not yet processed by detection, plus bytes waiting for the disk")
                .register(registry);
        Gauge.builder("vigil.journal.next.position", journal, Journal::nextPosition)
                .description("position the next journal record gets").register(registry);
        Gauge.builder("vigil.detection.lag", this, JournalMetrics::lagRecords).baseUnit("records")
                .description("journal records not yet handed to the detection engine").register(registry);
        FunctionCounter.builder("vigil.journal.appends.rejected", journal, j -> j.stats().rejected())
                .description("appends refused because the journal was full").register(registry);
    }

    /** Journal records not yet handed to the detection engine. */
    public long lagRecords() {
        long processed = detection.processedPosition();
        long first = journal.firstPosition();
        // before the loop has read anything, everything retained is behind
        long next = processed < 0 ? first : processed + 1;
        return Math.max(0, journal.nextPosition() - next);
    }
}
