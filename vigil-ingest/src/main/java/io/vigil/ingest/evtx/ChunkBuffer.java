package io.vigil.ingest.evtx;

import java.io.IOException;
import java.io.InputStream;

/**
 * A reusable 64 KiB chunk buffer that a file's next chunk is read into. Only the part of a chunk its
 * header says is in use (up to the free-space offset) is copied; the unused tail, on average more than
 * half of a chunk, is skipped in the stream. Past {@link #filled()} the buffer holds whatever an earlier
 * chunk left there, so a {@link Chunk} reads nothing past it: a damaged chunk pointing beyond its
 * records gets an error, the same whatever was read before it. Whole chunks are read when slack space
 * is to be recovered, and when the header is not a chunk header, except where a blank header may mean
 * a never-used chunk (see {@link Extent#IN_USE_UNLESS_BLANK}).
 */
final class ChunkBuffer {

    /** How much of a chunk {@link #readNext} copies into the buffer. */
    enum Extent {
        /** All of it, slack space included. */
        WHOLE,
        /** Up to the header's free-space offset; all of it when the header is not a chunk header. */
        IN_USE,
        /**
         * As {@link #IN_USE}, except that after a header of zeros nothing more is read: for the chunks
         * past those the file header counts, which files are pre-allocated with. Reading and checking
         * their 63.5 KiB of zeros cost a tenth of decoding the sample corpus, for nothing a reader
         * could decode: records need their chunk's header.
         */
        IN_USE_UNLESS_BLANK
    }

    final byte[] bytes = new byte[Chunk.SIZE];
    /** Bytes of the last chunk that were read into {@link #bytes}. */
    private int filled;

    /**
     * Reads the next chunk, copying {@code extent} of it into the buffer and skipping the rest.
     *
     * @return the chunk's bytes the stream held: {@link Chunk#SIZE}, fewer for a truncated last chunk, 0 at the end
     */
    int readNext(InputStream input, Extent extent) throws IOException {
        filled = input.readNBytes(bytes, 0, Chunk.HEADER_SIZE);
        if (filled < Chunk.HEADER_SIZE) {
            return filled;
        }
        if (extent == Extent.IN_USE_UNLESS_BLANK && Chunk.isEmpty(bytes, Chunk.HEADER_SIZE)) {
            return filled + skipFully(input, Chunk.SIZE - Chunk.HEADER_SIZE);
        }
        int used = extent == Extent.WHOLE ? Chunk.SIZE : Chunk.usedLength(bytes);
        filled += input.readNBytes(bytes, Chunk.HEADER_SIZE, used - Chunk.HEADER_SIZE);
        if (filled < used) {
            return filled;
        }
        return used + skipFully(input, Chunk.SIZE - used);
    }

    /** Bytes read into the buffer for the last chunk. */
    int filled() {
        return filled;
    }

    /** Skips up to {@code length} bytes; fewer only at the end of the stream. */
    private static int skipFully(InputStream input, int length) throws IOException {
        int total = 0;
        while (total < length) {
            long n = input.skip(length - total);
            if (n > 0) {
                total += (int) n;
            } else if (input.read() >= 0) {
                total++;
            } else {
                break;
            }
        }
        return total;
    }
}
