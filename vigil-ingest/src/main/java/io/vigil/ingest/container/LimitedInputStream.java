package io.vigil.ingest.container;

import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and fails with {@link ExpansionLimitException} past a limit. By
 * default it does not close the stream beneath, which belongs to the archive being walked.
 */
public final class LimitedInputStream extends CountingInputStream {

    private final long limit;
    private final boolean ownsStream;

    public LimitedInputStream(InputStream in, long limit) {
        this(in, limit, false);
    }

    /** @param ownsStream whether closing this closes the stream beneath (for a decompressor it made) */
    LimitedInputStream(InputStream in, long limit, boolean ownsStream) {
        super(in);
        this.limit = limit;
        this.ownsStream = ownsStream;
    }

    @Override
    protected void counted(long total) throws ExpansionLimitException {
        if (total > limit) {
            throw new ExpansionLimitException(limit);
        }
    }

    @Override
    public void close() throws IOException {
        if (ownsStream) {
            in.close();
        }
    }
}
