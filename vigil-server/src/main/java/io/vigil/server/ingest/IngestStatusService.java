package io.vigil.server.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.vigil.ingest.journal.Journal;
import io.vigil.ingest.journal.JournalStats;
import io.vigil.server.metrics.DetectionProgress;
import io.vigil.server.metrics.JournalMetrics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * What an administrator checks when events seem missing: what each source kind delivered, refused
 * and could not decode since the server started; how full the journal is; and how far detection has
 * read it, from which snapshot it resumed and when it last saved one. The API's
 * {@code /api/v1/ingest/status} and the console's overview show it.
 */
@Service
public class IngestStatusService {

    private final Journal journal;
    private final DetectionProgress detection;
    private final JournalMetrics journalMetrics;
    private final MeterRegistry registry;

    IngestStatusService(Journal journal, DetectionProgress detection, JournalMetrics journalMetrics,
            MeterRegistry registry) {
        this.journal = journal;
        this.detection = detection;
        this.journalMetrics = journalMetrics;
        this.registry = registry;
    }

    public record SourceStatus(String source, long batches, long events, long bytes, long undecodable,
            Map<String, Long> refused) {

        public long refusedTotal() {
            return refused.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public record JournalStatus(long firstPosition, long nextPosition, long unconsumedBytes, long appends,
            long groupCommits, long rejected) {
    }

    public record DetectionStatus(boolean running, long processedPosition, long lagRecords,
            DetectionProgress.StartPoint startedFrom, DetectionProgress.SnapshotPoint lastSnapshot) {
    }

    public record IngestStatus(List<SourceStatus> sources, JournalStatus journal, DetectionStatus detection) {
    }

    public IngestStatus status() {
        JournalStats stats = journal.stats();
        return new IngestStatus(sources(),
                new JournalStatus(journal.firstPosition(), journal.nextPosition(), journal.unconsumedBytes(),
                        stats.appends(), stats.groupCommits(), stats.rejected()),
                new DetectionStatus(detection.isRunning(), detection.processedPosition(), journalMetrics.lagRecords(),
                        detection.startPoint(), detection.lastSnapshot()));
    }

    /** Each source kind that has delivered or refused anything since the server started. */
    public List<SourceStatus> sources() {
        TreeSet<String> kinds = new TreeSet<>();
        registry.find("vigil.ingest.events").counters().forEach(c -> kinds.add(c.getId().getTag("source")));
        registry.find("vigil.ingest.refused").counters().forEach(c -> kinds.add(c.getId().getTag("source")));
        registry.find("vigil.ingest.undecodable").counters().forEach(c -> kinds.add(c.getId().getTag("source")));
        return kinds.stream().map(this::source).toList();
    }

    private SourceStatus source(String kind) {
        Map<String, Long> refused = new TreeMap<>();
        registry.find("vigil.ingest.refused").tag("source", kind).counters()
                .forEach(c -> refused.merge(c.getId().getTag("reason"), (long) c.count(), Long::sum));
        return new SourceStatus(kind, count("vigil.ingest.batches", kind), count("vigil.ingest.events", kind),
                count("vigil.ingest.bytes", kind), count("vigil.ingest.undecodable", kind), refused);
    }

    private long count(String name, String kind) {
        Search search = registry.find(name).tag("source", kind);
        return (long) search.counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
