package io.vigil.benchmarks;

import io.vigil.detection.directory.StaticDirectory;
import io.vigil.detection.registry.DetectorRegistry;
import io.vigil.engine.embedded.EmbeddedEngine;
import io.vigil.engine.embedded.EngineOptions;
import io.vigil.engine.embedded.LatestAlerts;
import io.vigil.ingest.decode.DecodeError;
import io.vigil.ingest.decode.DecodeListener;
import io.vigil.ingest.decode.EventDecoder;
import io.vigil.ingest.json.JsonEventDecoder;
import io.vigil.ingest.normalize.IdentityNormalizer;
import io.vigil.model.event.WindowsEvent;
import io.vigil.model.identity.IdentityEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Decode + normalise + detect throughput on a real recording replayed many times.
 *
 * <p>The OTRF purplesharp recording (26K events of four hosts, a password spray and Kerberoasting in
 * ordinary traffic) is unzipped once into memory, then decoded again and again until the target
 * event count is reached. Each replay is shifted in time by the recording's span, so detectors see
 * one long stream rather than the same minutes repeated. Unzipping is not measured: the benchmark is
 * about Vigil's own work per event.
 *
 * <pre>
 * java -cp vigil-benchmarks/target/vigil-benchmarks.jar:… io.vigil.benchmarks.ScanThroughput \
 *      [corpus folder] [events, default 10,000,000] [detector workers, default 0 = same thread]
 * </pre>
 */
public final class ScanThroughput {

    static final String PURPLESHARP =
            "security-datasets/datasets/atomic/windows/lateral_movement/host/purplesharp_ad_playbook_I.zip";

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : System.getenv().getOrDefault("VIGIL_CORPUS", "../shared/data"));
        long target = args.length > 1 ? Long.parseLong(args[1].replace("_", "").replace(",", "")) : 10_000_000L;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        byte[] recording = unzipFirstEntry(corpus.resolve(PURPLESHARP));

        Run warm = replay(recording, Math.min(target / 10, 1_000_000), workers);
        Run run = replay(recording, target, workers);
        double seconds = run.nanos / 1e9;
        int threads = workers == 0 ? 1 : workers + 1;
        System.out.printf("warm-up: %,d events in %.2f s%n", warm.events, warm.nanos / 1e9);
        System.out.printf("events: %,d (%,d identity events), alerts: %d, recording: %,d bytes x %d replays%n",
                run.events, run.identityEvents, run.alerts, recording.length, run.replays);
        System.out.printf("time: %.2f s, throughput: %,.0f events/s, %,.0f MB/s, threads: %d (detector workers %d)%n",
                seconds, run.events / seconds, (double) recording.length * run.replays / seconds / 1e6, threads,
                workers);
        System.out.printf("per core: %,.0f events/s%n", run.events / seconds / Math.min(threads,
                Runtime.getRuntime().availableProcessors()));
    }

    record Run(long events, long identityEvents, int alerts, int replays, long nanos) {
    }

    static Run replay(byte[] recording, long target, int workers) throws IOException {
        IdentityNormalizer normalizer = new IdentityNormalizer();
        EventDecoder decoder = new JsonEventDecoder();
        LatestAlerts alerts = new LatestAlerts();
        var detectors = DetectorRegistry.discover().create(Map.of());
        EngineOptions options = EngineOptions.forRecordings().withWorkers(workers);
        Counting listener = new Counting(normalizer);
        long recordsPerReplay = countLines(recording);
        long start = System.nanoTime();
        int replays = 0;
        try (EmbeddedEngine engine = new EmbeddedEngine(detectors, StaticDirectory.empty(), alerts, options)) {
            listener.engine = engine;
            Duration span = Duration.ofHours(1);
            while (listener.events < target) {
                listener.shift = span.multipliedBy(replays);
                try (InputStream in = new ByteArrayInputStream(recording)) {
                    decoder.decode("purplesharp#" + replays, in, normalizer.filter(), listener);
                }
                listener.events += recordsPerReplay;
                replays++;
            }
            engine.finish();
        }
        long nanos = System.nanoTime() - start;
        return new Run(listener.events, listener.identityEvents, alerts.size(), replays, nanos);
    }

    /** Normalises and submits what the decoder built (the filter lets only identity events through). */
    private static final class Counting implements DecodeListener {
        private final IdentityNormalizer normalizer;
        EmbeddedEngine engine;
        Duration shift = Duration.ZERO;
        long events;
        long identityEvents;

        Counting(IdentityNormalizer normalizer) {
            this.normalizer = normalizer;
        }

        @Override
        public void onEvent(WindowsEvent event) {
            IdentityEvent identity = normalizer.normalize(event);
            if (identity != null) {
                identityEvents++;
                engine.submit(shift.isZero() ? identity : identity.withTime(identity.time().plus(shift)));
            }
        }

        @Override
        public void onError(DecodeError error) {
            throw new IllegalStateException("the benchmark recording should decode cleanly: " + error);
        }
    }

    /** Every line is one event in this recording; the filter hides most of them from the listener. */
    static long countLines(byte[] bytes) {
        long lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    static byte[] unzipFirstEntry(Path zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory() && !e.getName().startsWith("__MACOSX")) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    in.transferTo(out);
                    return out.toByteArray();
                }
            }
        }
        throw new IOException("no entry in " + zip);
    }
}
