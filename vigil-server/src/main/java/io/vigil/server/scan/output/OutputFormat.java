package io.vigil.server.scan.output;

/** {@code vigil scan --format}: a readable table, or machine-readable lines. */
public enum OutputFormat {
    TABLE, JSONL, CSV, SECURITYALERT;

    /** Machine formats keep stdout for alerts only; the summary then goes to stderr. */
    public boolean machineReadable() {
        return this != TABLE;
    }
}
