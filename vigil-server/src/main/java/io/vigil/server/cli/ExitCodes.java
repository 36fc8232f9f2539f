package io.vigil.server.cli;

/**
 * Exit codes of {@code vigil}. Finding alerts is a successful scan (0); records that could not be
 * decoded are reported and counted but do not fail the scan.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    /** picocli's own code for a bad command line. */
    public static final int USAGE = 2;
    /** A named path does not exist or a file could not be read at all. */
    public static final int UNREADABLE_INPUT = 3;

    private ExitCodes() {
    }
}
