package io.vigil.server.scan;

import io.vigil.detection.spi.Detector;
import io.vigil.detection.spi.DirectoryView;
import io.vigil.engine.embedded.EmbeddedEngine;
import io.vigil.engine.embedded.EngineOptions;
import io.vigil.engine.embedded.LatestAlerts;
import io.vigil.ingest.decode.DecodeError;
import io.vigil.ingest.decode.DecodeListener;
import io.vigil.ingest.decode.CountingFilter;
import io.vigil.ingest.normalize.IdentityNormalizer;
import io.vigil.ingest.source.EventSources;
import io.vigil.ingest.source.SkipReason;
import io.vigil.ingest.source.WalkReport;
import io.vigil.model.event.WindowsEvent;
import io.vigil.model.identity.IdentityEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Decode → normalise → detect over files and folders: the offline path behind {@code vigil scan}.
 * Decoders build only the events the normaliser can map (the rest are counted, not built); the
 * engine runs the detectors on its worker threads while this thread reads.
 */
public final class ScanPipeline {

    private final List<Detector<?>> detectors;
    private final DirectoryView directory;
    private final EngineOptions options;
    private final EventSources sources;

    public ScanPipeline(List<Detector<?>> detectors, DirectoryView directory, EngineOptions options) {
        this(detectors, directory, options, EventSources.standard());
    }

    public ScanPipeline(List<Detector<?>> detectors, DirectoryView directory, EngineOptions options,
            EventSources sources) {
        this.detectors = List.copyOf(detectors);
        this.directory = directory;
        this.options = options;
        this.sources = sources;
    }

    public ScanResult run(List<Path> paths, ScanObserver observer) {
        IdentityNormalizer normalizer = new IdentityNormalizer();
        LatestAlerts alerts = new LatestAlerts();
        long start = System.nanoTime();
        CountingFilter records = new CountingFilter(normalizer.filter());
        // sizing the input walks every folder once more: only worth it when a progress bar shows
        long totalBytes = observer.showsProgress() ? InputSize.of(paths) : 0;
        try (EmbeddedEngine engine = new EmbeddedEngine(detectors, directory, alerts, options)) {
            Feed feed = new Feed(normalizer, engine, observer, records);
            WalkReport report = sources.walk(paths, records, feed,
                    read -> observer.progress(read, totalBytes, records.records()));
            engine.finish();
            observer.done();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new ScanResult(alerts.sorted(), report.filesRead(),
                    report.filesSkipped() - report.filesSkipped(SkipReason.UNREADABLE),
                    report.filesSkipped(SkipReason.UNREADABLE), report.bytes(), records.records(), feed.identityEvents,
                    report.errors() + feed.normaliseErrors, elapsed, engine.stats());
        }
    }

    /** Receives decoded events, normalises them and feeds the engine; reports errors as they come. */
    private static final class Feed implements DecodeListener {
        private final IdentityNormalizer normalizer;
        private final EmbeddedEngine engine;
        private final ScanObserver observer;
        private final CountingFilter records;
        long identityEvents;
        long normaliseErrors;

        Feed(IdentityNormalizer normalizer, EmbeddedEngine engine, ScanObserver observer, CountingFilter records) {
            this.normalizer = normalizer;
            this.engine = engine;
            this.observer = observer;
            this.records = records;
        }

        @Override
        public void onEvent(WindowsEvent event) {
            IdentityEvent identity;
            try {
                identity = normalizer.normalize(event);
            } catch (RuntimeException e) {
                normaliseErrors++;
                observer.error(new DecodeError(event.origin().source(), "record", event.origin().position(),
                        "event " + event.eventId() + " could not be normalised: " + e));
                return;
            }
            if (identity != null) {
                identityEvents++;
                engine.submit(identity);
            }
        }

        @Override
        public void onError(DecodeError error) {
            observer.error(error);
        }
    }
}
