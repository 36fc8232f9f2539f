package io.vigil.ingest.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Durable append throughput: every append waits for its flush. Run from the module directory:
 *
 * <pre>
 * mvn -q -pl vigil-ingest test-compile
 * java -cp "vigil-ingest/target/classes:vigil-ingest/target/test-classes" \
 *     io.vigil.ingest.journal.JournalThroughputMain [directory] [seconds per case]
 * </pre>
 *
 * The directory must be on the file system under test (default: a temporary folder under
 * {@code target}). Reports appends/s, records/s, MB/s (payload bytes) and the mean group size.
 */
public final class JournalThroughputMain {

    private JournalThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        Path base = args.length > 0 ? Path.of(args[0]) : Path.of("target", "journal-bench");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        System.out.printf("%-8s %-7s %-8s %12s %12s %9s %10s%n",
                "payload", "records", "threads", "appends/s", "records/s", "MB/s", "appends/fsync");
        for (int payload : new int[] {100, 1024}) {
            for (int perAppend : new int[] {1, 100}) {
                for (int threads : new int[] {1, 4, 16}) {
                    run(base, payload, perAppend, threads, seconds);
                }
            }
        }
    }

    private static void run(Path base, int payloadBytes, int perAppend, int threads, double seconds) throws Exception {
        Path dir = Files.createDirectories(base).resolve("run-" + System.nanoTime());
        List<byte[]> batch = Collections.nCopies(perAppend, new byte[payloadBytes]);
        LongAdder appends = new LongAdder();
        try (Journal journal = Journal.open(JournalConfig.defaults(dir).withMaxUnconsumedBytes(Long.MAX_VALUE))) {
            journal.append(batch);
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            List<Thread> workers = new ArrayList<>();
            long start = System.nanoTime();
            JournalStats before = journal.stats();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    try {
                        while (System.nanoTime() < deadline) {
                            journal.append(batch);
                            appends.increment();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                worker.start();
                workers.add(worker);
            }
            for (Thread worker : workers) {
                worker.join();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            JournalStats after = journal.stats();
            long done = appends.sum();
            long flushes = after.groupCommits() - before.groupCommits();
            System.out.printf("%-8d %-7d %-8d %12.0f %12.0f %9.1f %10.1f%n", payloadBytes, perAppend, threads,
                    done / elapsed, done * perAppend / elapsed, done * perAppend * (double) payloadBytes / elapsed / 1e6,
                    done / (double) Math.max(1, flushes));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
