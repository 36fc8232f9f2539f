package io.vigil.benchmarks;

import io.vigil.ingest.evtx.EvtxDecoder;
import io.vigil.ingest.evtx.EvtxOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * EVTX reader throughput over the whole EVTX corpus (evtx-attack-samples, deepbluecli,
 * yamato-samples, sigma/regression_data), compared with libevtx's {@code evtxexport}.
 * <p>
 * Files are read into memory first, so only decoding is measured. After a warm-up, each mode decodes
 * the whole corpus again and again for at least the measuring time:
 * <ul>
 * <li>single thread: {@link EvtxOptions#singleThreaded()}, files one after the other;</li>
 * <li>all cores, chunk-parallel: {@link EvtxOptions#defaults()}, files one after the other, the
 *     decoder spreading a file's chunks over the cores (what one big file gets);</li>
 * <li>all cores, file-parallel: one single-threaded decoder per core, files shared out between them
 *     (what {@code vigil scan} over a folder of small files gets).</li>
 * </ul>
 * Then {@code evtxexport -f xml} runs once per file, sequentially, output to /dev/null, and the
 * ratio of records per second is printed.
 *
 * <pre>
 * java -cp … io.vigil.benchmarks.EvtxThroughput [corpus folder, default $VIGIL_CORPUS or ../shared/data]
 *      [seconds per mode, default 10]
 * </pre>
 */
public final class EvtxThroughput {

    /** The JIT needs this long on two cores before a pass runs at its steady speed. */
    private static final double WARM_UP_SECONDS = 20;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : System.getenv().getOrDefault("VIGIL_CORPUS", "../shared/data"));
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        int cores = Runtime.getRuntime().availableProcessors();
        EvtxCorpus corpus = EvtxCorpus.load(root.toAbsolutePath().normalize());
        List<EvtxCorpus.EvtxFile> files = corpus.files();

        EvtxDecoder single = new EvtxDecoder(EvtxOptions.singleThreaded());
        EvtxDecoder chunkParallel = new EvtxDecoder(EvtxOptions.defaults());
        EvtxPass reference = EvtxPass.run(single, files);
        System.out.printf("corpus: %s, %d files, %,d bytes, %,d records, %,d decode errors; %d cores; Java %s (%s)%n",
                corpus.root(), files.size(), corpus.bytes(), reference.records(), reference.errors(), cores,
                Runtime.version(), System.getProperty("java.vm.name"));

        Supplier<EvtxPass> singlePass = () -> EvtxPass.run(single, files);
        Supplier<EvtxPass> chunkParallelPass = () -> EvtxPass.run(chunkParallel, files);
        try (FileParallelPass fileParallelPass = new FileParallelPass(files, cores)) {
            measure(singlePass, WARM_UP_SECONDS * 0.6);
            measure(chunkParallelPass, WARM_UP_SECONDS * 0.2);
            measure(fileParallelPass, WARM_UP_SECONDS * 0.2);

            Throughput singleThread = measure(singlePass, seconds);
            singleThread.print("vigil single thread", 1);
            Throughput chunks = measure(chunkParallelPass, seconds);
            chunks.print("vigil all cores, chunk-parallel", cores);
            Throughput filesAcrossCores = measure(fileParallelPass, seconds);
            filesAcrossCores.print("vigil all cores, file-parallel", cores);

            if (!EvtxExportTiming.available()) {
                System.out.println("evtxexport: not installed (apt-get install libevtx-utils); no ratio");
                return;
            }
            EvtxExportTiming export = EvtxExportTiming.time(files);
            double exportRate = reference.records() / (export.nanos() / 1e9);
            System.out.printf("evtxexport -f xml, one process per file, sequential: %d files (%d exited non-zero) in"
                    + " %.2f s = %,.0f records/s%n", export.files(), export.failedFiles(), export.nanos() / 1e9,
                    exportRate);
            System.out.printf("ratio vigil single thread / evtxexport: %.1fx%n", singleThread.recordsPerSecond() / exportRate);
            System.out.printf("ratio vigil all cores (best) / evtxexport: %.1fx%n",
                    Math.max(chunks.recordsPerSecond(), filesAcrossCores.recordsPerSecond()) / exportRate);
        }
    }

    /**
     * @param cpuNanos CPU time the whole process used meanwhile (decoding threads, JIT and GC), so that
     *                 a run on a machine shared with other work still tells what a core of its own would do
     */
    record Throughput(long records, long errors, int passes, long nanos, long cpuNanos) {

        double recordsPerSecond() {
            return records / (nanos / 1e9);
        }

        void print(String mode, int threads) {
            System.out.printf("%s: %d passes, %,d records (%,d errors) in %.2f s = %,.0f records/s, %,.0f per core;"
                    + " %,.0f records per process CPU-second%n", mode, passes, records, errors, nanos / 1e9,
                    recordsPerSecond(), recordsPerSecond() / threads, records / (cpuNanos / 1e9));
        }
    }

    static Throughput measure(Supplier<EvtxPass> pass, double seconds) {
        EvtxPass total = new EvtxPass();
        long limit = (long) (seconds * 1e9);
        int passes = 0;
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long elapsed;
        do {
            total.add(pass.get());
            passes++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < limit);
        return new Throughput(total.records(), total.errors(), passes, elapsed, processCpuNanos() - cpuStart);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One single-threaded decoder per core; each takes the next file not yet taken. */
    private static final class FileParallelPass implements Supplier<EvtxPass>, AutoCloseable {

        private final List<EvtxCorpus.EvtxFile> files;
        private final int threads;
        private final ExecutorService pool;

        FileParallelPass(List<EvtxCorpus.EvtxFile> files, int threads) {
            this.files = files;
            this.threads = threads;
            this.pool = Executors.newFixedThreadPool(threads);
        }

        @Override
        public EvtxPass get() {
            AtomicInteger next = new AtomicInteger();
            List<Future<EvtxPass>> parts = new ArrayList<>(threads);
            for (int t = 0; t < threads; t++) {
                parts.add(pool.submit(() -> {
                    EvtxDecoder decoder = new EvtxDecoder(EvtxOptions.singleThreaded());
                    EvtxPass part = new EvtxPass();
                    for (int i; (i = next.getAndIncrement()) < files.size(); ) {
                        part.add(EvtxPass.run(decoder, List.of(files.get(i))));
                    }
                    return part;
                }));
            }
            EvtxPass total = new EvtxPass();
            for (Future<EvtxPass> part : parts) {
                try {
                    total.add(part.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return total;
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }
}
