package io.vigil.ingest.container;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and fails with {@link ExpansionLimitException} past a limit. By
 * default it does not close the stream beneath, which belongs to the archive being walked.
 */
public final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final boolean ownsStream;
    private long count;

    public LimitedInputStream(InputStream in, long limit) {
        this(in, limit, false);
    }

    /** @param ownsStream whether closing this closes the stream beneath (for a decompressor it made) */
    LimitedInputStream(InputStream in, long limit, boolean ownsStream) {
        super(in);
        this.limit = limit;
        this.ownsStream = ownsStream;
    }

    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        add(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() throws IOException {
        if (ownsStream) {
            in.close();
        }
    }

    private void add(long n) throws ExpansionLimitException {
        count += n;
        if (count > limit) {
            throw new ExpansionLimitException(limit);
        }
    }
}
