package io.vigil.ingest.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Appends frames to the last segment, rolling to a new segment by size. Used by the group-commit
 * thread only, so it needs no locking; what readers may see is published through {@link Segment}
 * and the {@link Durability} callback, and only after {@code force}.
 *
 * <p>Frames are gathered in a direct buffer and written with positional writes: one {@code write}
 * and one {@code force(false)} (fdatasync: the data and the file size, not the modification time)
 * per group in the common case.
 */
final class SegmentWriter implements Closeable {

    /** Told when records become durable. */
    interface Durability {
        void durable(long journalEndOffset, long nextPosition);
    }

    private static final int BUFFER_BYTES = 1 << 20;

    private final JournalConfig config;
    private final SegmentCatalog catalog;
    private final Durability durability;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final ByteBuffer header = ByteBuffer.allocateDirect(RecordFrame.HEADER_BYTES);
    private final CRC32C crc = new CRC32C();
    private Segment segment;
    private FileChannel channel;
    private long writtenBytes;
    private long nextPosition;

    SegmentWriter(JournalConfig config, SegmentCatalog catalog, Durability durability) throws IOException {
        this.config = config;
        this.catalog = catalog;
        this.durability = durability;
        this.segment = catalog.last();
        this.channel = SegmentFile.openForAppending(segment.file());
        this.writtenBytes = segment.durableBytes();
        this.nextPosition = segment.nextPosition();
    }

    long nextPosition() {
        return nextPosition;
    }

    /** Adds one frame (it may stay buffered until {@link #commit}) and returns its position. */
    long append(byte[] payload) throws IOException {
        long frameBytes = RecordFrame.frameBytes(payload.length);
        long segmentBytes = writtenBytes + buffer.position();
        if (segmentBytes > 0 && segmentBytes + frameBytes > config.segmentBytes()) {
            roll();
        }
        long position = nextPosition++;
        segment.index().frameAt(position, writtenBytes + buffer.position());
        if (frameBytes > buffer.remaining()) {
            flush();
        }
        if (frameBytes <= buffer.remaining()) {
            RecordFrame.putHeader(buffer, position, payload, crc);
            buffer.put(payload);
        } else {
            header.clear();
            RecordFrame.putHeader(header, position, payload, crc);
            writeFully(header.flip());
            writeFully(ByteBuffer.wrap(payload));
        }
        return position;
    }

    /** Writes what is buffered, forces it to disk and publishes it to readers. */
    void commit() throws IOException {
        flush();
        channel.force(false);
        segment.published(writtenBytes, nextPosition);
        durability.durable(segment.journalOffset() + writtenBytes, nextPosition);
    }

    private void roll() throws IOException {
        commit();
        channel.close();
        Segment previous = segment;
        Segment next = new Segment(nextPosition, SegmentFile.path(config.directory(), nextPosition),
                previous.journalOffset() + writtenBytes);
        channel = SegmentFile.create(next.file());
        catalog.add(next);
        previous.seal();
        segment = next;
        writtenBytes = 0;
        durability.durable(next.journalOffset(), nextPosition);
    }

    private void flush() throws IOException {
        writeFully(buffer.flip());
        buffer.clear();
    }

    private void writeFully(ByteBuffer source) throws IOException {
        while (source.hasRemaining()) {
            writtenBytes += channel.write(source, writtenBytes);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
