package io.vigil.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Compares two versions of the EVTX reader in one JVM, so that a machine whose speed drifts (a shared
 * host) cannot favour either: each version runs in its own class loader, and short rounds of each
 * alternate after a warm-up of both. Reports records per decoding-thread CPU-second per round, and the
 * new/old ratio round by round.
 *
 * <pre>
 * java -cp … io.vigil.benchmarks.EvtxReaderComparison CORPUS OLD_JARS [rounds, default 20] [seconds per round, default 1]
 * </pre>
 * {@code OLD_JARS}: the older {@code vigil-ingest} and {@code vigil-model} jars, colon-separated; the
 * new version is the one on this class path.
 */
public final class EvtxReaderComparison {

    private static final double WARM_UP_SECONDS = 10;

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        List<URL> oldJars = urls(args[1].split(":"));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 1;

        List<byte[]> files = EvtxCorpus.load(corpus.toAbsolutePath().normalize()).files().stream()
                .map(EvtxCorpus.EvtxFile::bytes).toList();
        Function<List<byte[]>, Long> older = runner(oldJars, true);
        Function<List<byte[]>, Long> newer = runner(List.of(), false);
        measure(older, files, WARM_UP_SECONDS);
        measure(newer, files, WARM_UP_SECONDS);

        double[] old = new double[rounds];
        double[] now = new double[rounds];
        double[] ratio = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            old[i] = measure(older, files, seconds);
            now[i] = measure(newer, files, seconds);
            ratio[i] = now[i] / old[i];
        }
        print("old reader, records per thread-CPU-second", old);
        print("new reader, records per thread-CPU-second", now);
        print("ratio new/old per round", ratio);
    }

    /** A runner in a loader of its own: this class path, with the reader's jars replaced by {@code readerJars} when asked. */
    @SuppressWarnings("unchecked")
    private static Function<List<byte[]>, Long> runner(List<URL> readerJars, boolean replaceReader) throws Exception {
        List<URL> urls = new ArrayList<>(readerJars);
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            boolean reader = entry.contains("vigil-ingest") || entry.contains("vigil-model");
            if (!(replaceReader && reader)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        return (Function<List<byte[]>, Long>) loader.loadClass(EvtxPassRunner.class.getName())
                .getConstructor().newInstance();
    }

    /** Records per thread-CPU-second over at least {@code seconds} of wall time. */
    private static double measure(Function<List<byte[]>, Long> runner, List<byte[]> files, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long records = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        do {
            records += runner.apply(files);
        } while (System.nanoTime() - start < seconds * 1e9);
        return records / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }

    private static void print(String what, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: min %,.3f median %,.3f max %,.3f%n", what, sorted[0], sorted[sorted.length / 2],
                sorted[sorted.length - 1]);
    }

    private static List<URL> urls(String[] paths) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String p : paths) {
            urls.add(Path.of(p).toUri().toURL());
        }
        return urls;
    }
}
