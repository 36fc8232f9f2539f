package io.vigil.server.scan;

import io.vigil.ingest.decode.DecodeError;
import io.vigil.server.scan.output.SafeText;
import java.io.PrintWriter;

/** Errors as lines on stderr ({@code file line N: why}) and, on a terminal, a progress bar. */
final class ConsoleScanObserver implements ScanObserver {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int BAR = 30;

    private final PrintWriter err;
    private final boolean quiet;
    private final boolean showProgress;
    private long lastDraw;
    private boolean barShown;

    ConsoleScanObserver(PrintWriter err, boolean quiet, boolean showProgress) {
        this.err = err;
        this.quiet = quiet;
        this.showProgress = showProgress;
    }

    @Override
    public synchronized void error(DecodeError error) {
        if (quiet) {
            return;
        }
        clearBar();
        err.println("error: " + SafeText.of(error.toString()));
        err.flush();
    }

    @Override
    public boolean showsProgress() {
        return showProgress;
    }

    @Override
    public synchronized void progress(long bytesRead, long bytesTotal, long events) {
        if (!showProgress) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double share = bytesTotal <= 0 ? 0 : Math.min(1.0, (double) bytesRead / bytesTotal);
        int filled = (int) Math.round(share * BAR);
        err.printf("\r[%s%s] %3d%%  %,d MB of %,d MB  %,d events", "#".repeat(filled), ".".repeat(BAR - filled),
                Math.round(share * 100), bytesRead >> 20, bytesTotal >> 20, events);
        err.flush();
        barShown = true;
    }

    @Override
    public synchronized void done() {
        clearBar();
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r" + " ".repeat(BAR + 60) + "\r");
            err.flush();
            barShown = false;
        }
    }
}
