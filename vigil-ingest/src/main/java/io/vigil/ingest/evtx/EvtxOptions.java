package io.vigil.ingest.evtx;

/**
 * How {@link EvtxDecoder} reads.
 *
 * @param parallelism  threads that decode chunks; 1 decodes on the calling thread. Events are
 *                     delivered in file order on the calling thread either way.
 * @param recoverSlack also decode records found in the slack space behind each chunk's last record
 *                     (older records a chunk rewrite left behind); they come after the chunk's records
 */
public record EvtxOptions(int parallelism, boolean recoverSlack) {

    public EvtxOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
    }

    /** All cores, no slack recovery. */
    public static EvtxOptions defaults() {
        return new EvtxOptions(Runtime.getRuntime().availableProcessors(), false);
    }

    public static EvtxOptions singleThreaded() {
        return new EvtxOptions(1, false);
    }

    public EvtxOptions withParallelism(int threads) {
        return new EvtxOptions(threads, recoverSlack);
    }

    public EvtxOptions withSlackRecovery(boolean recover) {
        return new EvtxOptions(parallelism, recover);
    }
}
