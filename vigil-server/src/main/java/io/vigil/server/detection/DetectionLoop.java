package io.vigil.server.detection;

import io.vigil.server.internal.BackgroundThreads;

import io.vigil.detection.registry.DetectorRegistry;
import io.vigil.detection.spi.DirectoryView;
import io.vigil.detection.spi.VaultActivityView;
import io.vigil.engine.embedded.EmbeddedEngine;
import io.vigil.engine.embedded.EngineOptions;
import io.vigil.engine.embedded.EngineSnapshot;
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
import io.vigil.server.detectors.ResponseSettings;
import io.vigil.store.VigilDatabase;
import io.vigil.store.settings.DetectorSetting;
import io.vigil.server.metrics.DetectionProgress;
import io.vigil.server.metrics.DetectionProgress.SnapshotPoint;
import io.vigil.server.metrics.DetectionProgress.StartPoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads the ingest journal in order and runs every detector over it in the embedded engine. Every
 * {@link #CHECKPOINT_EVERY} (and on a clean stop) the engine's keyed state is snapshotted with the
 * journal position that follows it; on start the newest snapshot is restored and reading resumes
 * there, so a brute force that straddles a restart is still seen whole. Without a usable snapshot
 * (none yet, other detector settings) the retained journal is replayed from its first record instead;
 * either way alerts come out with their deterministic ids, so the store's upsert makes re-reading
 * invisible. The journal keeps two hours of processed records for the replay that a detector settings
 * change needs (the longest detector window is one hour), and never what follows the last snapshot.
 */
@Component
class DetectionLoop implements SmartLifecycle, DetectionProgress {

    private static final Logger log = LoggerFactory.getLogger(DetectionLoop.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** How often the engine's state is snapshotted while records come in. */
    static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(30);

    private final Journal journal;
    private final AlertPublisher alerts;
    private final IdentityNormalizer normalizer = new IdentityNormalizer();
    private final EventSources sources = EventSources.standard();
    private final JournalRetention retention = new JournalRetention(Duration.ofHours(2));
    private final AtomicLong processedPosition = new AtomicLong(-1);
    private final AtomicLong generation = new AtomicLong();
    private final VigilDatabase database;
    private final DetectorRegistry registry;
    private final DetectionCheckpoints checkpoints;
    private volatile StartPoint resumed;
    private volatile SnapshotPoint lastCheckpoint;
    /** The journal position of the newest snapshot stored: nothing after it may be truncated. */
    private volatile long savedPosition;
    private final ExecutorService snapshotWriter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vigil-detector-snapshots");
        t.setDaemon(true);
        return t;
    });
    private final DirectoryView directory;
    private final VaultActivityView vaultActivity;
    private volatile boolean running;
    private volatile boolean reloadRequested;
    private Thread thread;

    DetectionLoop(Journal journal, AlertPublisher alerts, VigilDatabase database, DetectorRegistry registry,
                  DirectoryView directory, VaultActivityView vaultActivity) {
        this.registry = registry;
        this.directory = directory;
        this.vaultActivity = vaultActivity;
        this.journal = journal;
        this.alerts = alerts;
        this.database = database;
        this.checkpoints = new DetectionCheckpoints(database.checkpoints());
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
        boolean restart = true;
        while (running) {
            reloadRequested = false;
            Map<String, String> settings = storedSettings();
            String fingerprint = DetectionCheckpoints.fingerprint(settings);
            EmbeddedEngine current = new EmbeddedEngine(registry.create(settings), directory, vaultActivity,
                    alerts::publish, EngineOptions.defaults());
            resumed = restart ? resume(current, fingerprint) : new StartPoint(journal.firstPosition(), null, 0);
            restart = false;
            generation.incrementAndGet();
            try {
                consume(current, fingerprint);
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

    /**
     * After a restart: the newest snapshot taken under these settings, if the journal still holds
     * what follows it; else a replay of the retained journal. After a settings change the journal is
     * always replayed, so that the new settings judge the retained events.
     */
    private StartPoint resume(EmbeddedEngine engine, String fingerprint) {
        return checkpoints.restoreInto(engine, fingerprint, journal.firstPosition(), journal.nextPosition())
                .map(r -> {
                    log.info("detector state restored from snapshot {} ({} keys); reading the journal from position {}",
                            r.checkpoint().snapshotId(), r.keys(), r.position());
                    return new StartPoint(r.position(), r.checkpoint().snapshotId(), r.keys());
                })
                .orElseGet(() -> new StartPoint(journal.firstPosition(), null, 0));
    }

    private void consume(EmbeddedEngine current, String fingerprint) throws IOException, InterruptedException {
        long from = resumed.position();
        log.info("detection reads the journal from position {} ({} records to read)", from, journal.nextPosition() - from);
        long next = from;
        savedPosition = from;
        long checkpointed = from;
        Instant lastCheckpointAt = Instant.now();
        try (JournalReader reader = journal.reader(from)) {
            while (running && !reloadRequested) {
                List<JournalRecord> records = reader.poll(256, POLL);
                for (JournalRecord record : records) {
                    process(record, current);
                    processedPosition.set(record.position());
                }
                current.flush();
                if (!records.isEmpty()) {
                    next = records.get(records.size() - 1).position() + 1;
                    journal.markConsumed(next);
                    retention.processed(next, Instant.now());
                }
                if (next > checkpointed && Instant.now().isAfter(lastCheckpointAt.plus(CHECKPOINT_EVERY))) {
                    EngineSnapshot taken = current.snapshot();
                    long position = next;
                    snapshotWriter.execute(() -> save(taken, position, fingerprint));
                    checkpointed = next;
                    lastCheckpointAt = Instant.now();
                }
                long deletable = retention.deletableBefore(Instant.now());
                if (deletable > 0) {
                    journal.truncateBefore(Math.min(deletable, savedPosition));
                }
            }
        }
        if (!reloadRequested && next > checkpointed) {
            EngineSnapshot last = current.snapshot();
            long position = next;
            awaitSaved(snapshotWriter.submit(() -> save(last, position, fingerprint)));
        }
    }

    private static void awaitSaved(Future<?> saved) {
        try {
            saved.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("the last detector snapshot was not saved: {}", e.toString());
        }
    }

    /**
     * Stores a snapshot taken as of {@code nextPosition}, off the detection thread so that reading the
     * journal does not wait for it. The alerts raised before it are written first: a restart resumes
     * after the snapshot and would not raise them again.
     */
    private void save(EngineSnapshot taken, long nextPosition, String fingerprint) {
        try {
            if (!alerts.flushNow()) {
                log.warn("no detector snapshot at position {}: alerts could not all be stored yet", nextPosition);
                return;
            }
            checkpoints.save(nextPosition, fingerprint, taken.toBytes());
            savedPosition = nextPosition;
            lastCheckpoint = new SnapshotPoint(nextPosition, Instant.now());
        } catch (RuntimeException e) {
            log.warn("no detector snapshot at position {}: {}", nextPosition, e.toString());
        }
    }

    @Override
    public StartPoint startPoint() {
        return resumed;
    }

    @Override
    public SnapshotPoint lastSnapshot() {
        return lastCheckpoint;
    }

    /**
     * Detector settings as the registry takes them: {@code <detector>.<setting>=value}; the automatic
     * response settings stored beside them are the server's, not the detectors'.
     */
    private Map<String, String> storedSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (DetectorSetting s : database.detectorSettings().all()) {
            if (!ResponseSettings.isResponseSetting(s.name())) {
                settings.put(s.detectorId() + "." + s.name(), s.value());
            }
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
        BackgroundThreads.awaitEnd(thread);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
