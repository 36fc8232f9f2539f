package io.vigil.ingest.container;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * The single stream inside gzip (concatenated members read as one), bounded in expansion. Closing it
 * frees the inflater and closes the compressed stream.
 */
public final class GzipContainer {

    private final ContainerLimits limits;

    public GzipContainer(ContainerLimits limits) {
        this.limits = limits;
    }

    public InputStream open(InputStream compressed) throws IOException {
        return new LimitedInputStream(new GZIPInputStream(compressed, 64 * 1024), limits.maxEntryBytes(), true);
    }
}
