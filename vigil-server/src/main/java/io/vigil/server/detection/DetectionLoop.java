package io.vigil.server.detection;

import io.vigil.detection.registry.DetectorRegistry;
import io.vigil.detection.spi.DirectoryView;
import io.vigil.engine.embedded.EmbeddedEngine;
import io.vigil.engine.embedded.EngineOptions;
import io.vigil.ingest.decode.DecodeError;
import io.vigil.ingest.decode.DecodeListener;
import io.vigil.ingest.journal.EventBatchCodec;
import io.vigil.ingest.journal.IngestBatch;
import io.vigil.ingest.journal.IngestBatchCodec;
import io.vigil.ingest.journal.Journal;
import io.vigil.ingest.journal.JournalReader;
import io.vigil.ingest.journal.JournalRecord;
import io.vigil.ingest.normalize.IdentityNormalizer;
import io.vigil.ingest.source.EventSources;
import io.vigil.model.event.WindowsEvent;
import io.vigil.model.identity.IdentityEvent;
import io.vigil.server.detectors.DetectorSettingsChanged;
import io.vigil.store.VigilDatabase;
import io.vigil.store.settings.DetectorSetting;
import io.vigil.server.metrics.DetectionProgress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads the ingest journal in order and runs every detector over it in the embedded engine. On start
 * it replays the journal from its first retained record: detector state is rebuilt (a brute force
 * that straddles a restart is still seen whole) and alerts come out with the same deterministic ids,
 * so the store's upsert makes the replay invisible. The journal keeps two hours of processed records
 * for that replay (the longest detector window is one hour); older segments are deleted.
 */
@Component
class DetectionLoop implements SmartLifecycle, DetectionProgress {

    private static final Logger log = LoggerFactory.getLogger(DetectionLoop.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Journal journal;
    private final AlertPublisher alerts;
    private final IdentityNormalizer normalizer = new IdentityNormalizer();
    private final EventSources sources = EventSources.standard();
    private final JournalRetention retention = new JournalRetention(Duration.ofHours(2));
    private final AtomicLong processedPosition = new AtomicLong(-1);
    private final AtomicLong generation = new AtomicLong();
    private final VigilDatabase database;
    private final DetectorRegistry registry;
    private final DirectoryView directory;
    private volatile boolean running;
    private volatile boolean reloadRequested;
    private Thread thread;

    DetectionLoop(Journal journal, AlertPublisher alerts, VigilDatabase database, DetectorRegistry registry,
                  DirectoryView directory) {
        this.registry = registry;
        this.directory = directory;
        this.journal = journal;
        this.alerts = alerts;
        this.database = database;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "vigil-detection-loop");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Rebuilds the engine with the detector settings now in the store and replays the retained journal
     * through it: alerts keep their ids, so what the new settings still find is not duplicated, and
     * what they find anew appears.
     */
    void reload() {
        reloadRequested = true;
    }

    @EventListener
    void onSettingsChanged(DetectorSettingsChanged change) {
        log.info("detector settings of {} changed; rebuilding the engine and replaying the journal", change.detectorId());
        reload();
    }

    private void run() {
        while (running) {
            reloadRequested = false;
            EmbeddedEngine current = new EmbeddedEngine(registry.create(storedSettings()), directory,
                    alerts::publish, EngineOptions.defaults());
            generation.incrementAndGet();
            try {
                consume(current);
            } catch (IOException e) {
                log.error("the detection loop stopped: the journal cannot be read", e);
                running = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                current.close();
            }
        }
    }

    private void consume(EmbeddedEngine current) throws IOException, InterruptedException {
        log.info("detection reads the journal from position {} ({} records to replay)", journal.firstPosition(),
                journal.nextPosition() - journal.firstPosition());
        try (JournalReader reader = journal.reader(journal.firstPosition())) {
            while (running && !reloadRequested) {
                List<JournalRecord> records = reader.poll(256, POLL);
                for (JournalRecord record : records) {
                    process(record, current);
                    processedPosition.set(record.position());
                }
                current.flush();
                if (!records.isEmpty()) {
                    long next = records.get(records.size() - 1).position() + 1;
                    journal.markConsumed(next);
                    retention.processed(next, Instant.now());
                }
                long deletable = retention.deletableBefore(Instant.now());
                if (deletable > 0) {
                    journal.truncateBefore(deletable);
                }
            }
        }
    }

    /** Detector settings as the registry takes them: {@code <detector>.<setting>=value}. */
    private Map<String, String> storedSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (DetectorSetting s : database.detectorSettings().all()) {
            settings.put(s.detectorId() + "." + s.name(), s.value());
        }
        return settings;
    }

    private void process(JournalRecord record, EmbeddedEngine current) {
        try {
            if (EventBatchCodec.isEventBatch(record.payload())) {
                EventBatchCodec.decode(record.payload()).events().forEach(event -> submit(event, current));
            } else {
                replayRawBatch(record, IngestBatchCodec.decode(record.payload()), current);
            }
        } catch (IllegalArgumentException e) {
            log.warn("journal record {} is not an ingest batch: {}", record.position(), e.getMessage());
        }
    }

    private void submit(WindowsEvent event, EmbeddedEngine current) {
        IdentityEvent identity = normalizer.normalize(event);
        if (identity != null) {
            current.submit(identity);
        }
    }

    /** A batch journaled as received, by a server before format version 2: decoded here. */
    private void replayRawBatch(JournalRecord record, IngestBatch batch, EmbeddedEngine current) {
        sources.read(batch.source() + "#" + record.position(), new ByteArrayInputStream(batch.content()),
                normalizer.filter(), new DecodeListener() {
                    @Override
                    public void onEvent(WindowsEvent event) {
                        submit(event, current);
                    }

                    @Override
                    public void onError(DecodeError error) {
                        log.warn("journal record {} no longer decodes cleanly: {}", record.position(), error);
                    }
                });
    }

    @Override
    public long processedPosition() {
        return processedPosition.get();
    }

    /** How many engines have been built: 1 after start, one more per settings reload. */
    long generation() {
        return generation.get();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
