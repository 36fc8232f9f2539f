package io.vigil.benchmarks;

import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * Wall time of libevtx's {@code evtxexport -f xml FILE > /dev/null}, one process per file, one file
 * after the other, as a user of that tool would run it over a folder.
 */
record EvtxExportTiming(long nanos, int files, int failedFiles) {

    static final String COMMAND = "evtxexport";

    static boolean available() {
        try {
            Process p = new ProcessBuilder(COMMAND, "-V").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static EvtxExportTiming time(List<EvtxCorpus.EvtxFile> files) throws IOException, InterruptedException {
        int failed = 0;
        long start = System.nanoTime();
        for (EvtxCorpus.EvtxFile file : files) {
            Process p = new ProcessBuilder(COMMAND, "-f", "xml", file.path().toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(new File("/dev/null"))
                    .start();
            if (p.waitFor() != 0) {
                failed++;
            }
        }
        return new EvtxExportTiming(System.nanoTime() - start, files.size(), failed);
    }
}
