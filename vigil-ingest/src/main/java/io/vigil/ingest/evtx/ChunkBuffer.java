package io.vigil.ingest.evtx;

import java.io.IOException;
import java.io.InputStream;

/**
 * A reusable 64 KiB chunk buffer that a file's next chunk is read into. Only the part of a chunk its
 * header says is in use (up to the free-space offset) is copied; the unused tail, on average more than
 * half of a chunk, is skipped in the stream. Past {@link #filled()} the buffer holds whatever an earlier
 * chunk left there, so a {@link Chunk} reads nothing past it: a damaged chunk pointing beyond its
 * records gets an error, the same whatever was read before it. Whole chunks are read when slack space
 * is to be recovered, and when the header is not a chunk header.
 */
final class ChunkBuffer {

    final byte[] bytes = new byte[Chunk.SIZE];
    /** Bytes of the last chunk that were read into {@link #bytes}. */
    private int filled;

    /**
     * Reads the next chunk.
     *
     * @param whole read the unused tail too
     * @return the chunk's bytes the stream held: {@link Chunk#SIZE}, fewer for a truncated last chunk, 0 at the end
     */
    int readNext(InputStream input, boolean whole) throws IOException {
        filled = input.readNBytes(bytes, 0, Chunk.HEADER_SIZE);
        if (filled < Chunk.HEADER_SIZE) {
            return filled;
        }
        int used = whole ? Chunk.SIZE : Chunk.usedLength(bytes);
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
