package io.vigil.server.scan;

import io.vigil.ingest.decode.DecodeError;

/** What a scan tells while it runs: each record it could not read, and how far it has got. */
public interface ScanObserver {

    void error(DecodeError error);

    /** Whether {@link #progress} is shown; when not, the scan does not size its input for it. */
    boolean showsProgress();

    /** Called now and then with the bytes of input read so far out of the total. */
    void progress(long bytesRead, long bytesTotal, long events);

    /** The scan has finished reading; a progress display clears itself. */
    void done();
}
