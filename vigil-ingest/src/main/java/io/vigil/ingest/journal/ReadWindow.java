package io.vigil.ingest.journal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A buffered view of a segment file for sequential scanning with positional reads ({@code pread}), so
 * a reader never moves a file pointer that another thread shares.
 *
 * <p>It never buffers past the limit it is given: bytes beyond what is known to be durable may still
 * be in the middle of being written, and a stale copy of them must not be served later.
 */
final class ReadWindow {

    private static final int DEFAULT_CAPACITY = 256 << 10;

    private final FileChannel channel;
    private final Path file;
    private ByteBuffer buffer = ByteBuffer.allocate(DEFAULT_CAPACITY);
    private long start;
    private int length;

    ReadWindow(FileChannel channel, Path file) {
        this.channel = channel;
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Makes {@code [offset, offset + len)} addressable; the caller guarantees {@code offset + len <= limit}. */
    void load(long offset, int len, long limit) throws IOException {
        if (offset >= start && offset + len <= start + length) {
            return;
        }
        if (len > buffer.capacity()) {
            buffer = ByteBuffer.allocate(Math.max(len, buffer.capacity() * 2));
        }
        buffer.clear();
        buffer.limit((int) Math.min(buffer.capacity(), limit - offset));
        long at = offset;
        while (buffer.position() < len) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new EOFException(file + " is shorter than expected: no byte at offset " + at);
            }
            at += n;
        }
        start = offset;
        length = buffer.position();
    }

    int intAt(long offset) {
        return buffer.getInt(index(offset));
    }

    long longAt(long offset) {
        return buffer.getLong(index(offset));
    }

    /** A view of {@code len} loaded bytes starting at {@code offset}. */
    ByteBuffer slice(long offset, int len) {
        return buffer.slice(index(offset), len);
    }

    private int index(long offset) {
        return (int) (offset - start);
    }
}
