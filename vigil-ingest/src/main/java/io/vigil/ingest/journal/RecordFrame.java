package io.vigil.ingest.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk frame of one record, big-endian:
 *
 * <pre>
 *  0  int   payload length
 *  4  int   CRC32C of bytes 0..3 and 8..end (length, position, payload)
 *  8  long  position
 * 16  byte[length] payload
 * </pre>
 *
 * <p>The position is stored in every frame, not only implied by the file name, so that after a damaged
 * region the reader knows exactly which positions were lost and which one it resumed at; without it
 * every position after the damage would be a guess. The checksum covers the length so that a flipped
 * length bit cannot make a shorter or longer frame look valid.
 */
final class RecordFrame {

    static final int HEADER_BYTES = 16;
    static final int CRC_OFFSET = 4;
    static final int POSITION_OFFSET = 8;

    private RecordFrame() {
    }

    static long frameBytes(int payloadLength) {
        return HEADER_BYTES + (long) payloadLength;
    }

    /** Writes the 16-byte header of a frame for {@code payload} at the buffer's position. */
    static void putHeader(ByteBuffer out, long position, byte[] payload, CRC32C crc) {
        crc.reset();
        int start = out.position();
        out.putInt(payload.length).putInt(0).putLong(position);
        crc.update(out.slice(start, 4));
        crc.update(out.slice(start + POSITION_OFFSET, 8));
        crc.update(payload);
        out.putInt(start + CRC_OFFSET, (int) crc.getValue());
    }

    /**
     * Checksum of a frame held in {@code frame}, starting at index 0 and {@code HEADER_BYTES + length}
     * long, to compare with the stored one.
     */
    static int checksum(ByteBuffer frame, int length, CRC32C crc) {
        crc.reset();
        crc.update(frame.slice(0, 4));
        crc.update(frame.slice(POSITION_OFFSET, 8 + length));
        return (int) crc.getValue();
    }
}
