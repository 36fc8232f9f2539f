package io.vigil.ingest.journal;

import java.io.IOException;
import java.util.zip.CRC32C;

/**
 * Walks the frames of one segment file in order, validating each, and resynchronises after damage.
 *
 * <p>A frame is accepted only if its length is possible, it ends within the limit, its checksum
 * matches and its position is the one expected. After a bad frame the scanner tries every later byte
 * offset as a frame start. A candidate must name a position that could follow the damage: larger than
 * the last good one, and at most one more per {@value RecordFrame#HEADER_BYTES} bytes skipped (the
 * smallest frame). That filter rejects nearly every offset before any checksum is computed, so the
 * search stays linear in the bytes skipped, and since it only ever moves forward it always ends.
 *
 * <p>The limit decides what an incomplete frame means. Callers pass a limit that lies on a frame
 * boundary (the durable size of a segment), except the open-time scan of the last segment, which
 * passes the file size: there a region that reaches the limit without a valid frame after it is a
 * torn write, which the caller cuts.
 */
final class FrameScanner {

    /** What {@link #next} found. */
    sealed interface Step permits Frame, Damage, End {
    }

    /** A valid record at {@code offset} of the file. */
    record Frame(long position, long offset, byte[] payload) implements Step {
        long endOffset() {
            return offset + RecordFrame.frameBytes(payload.length);
        }
    }

    /**
     * {@code length} bytes at {@code offset} that are not valid frames; {@code resumePosition} is the
     * position of the valid frame after them, or -1 if they run to the limit.
     */
    record Damage(long offset, long length, String reason, long firstLost, long resumePosition) implements Step {
        boolean reachesLimit() {
            return resumePosition < 0;
        }
    }

    /** The scanner is at the limit. */
    enum End implements Step { INSTANCE }

    private final ReadWindow window;
    private final int maxRecordBytes;
    private final CRC32C crc = new CRC32C();
    private long offset;
    private long lastPosition;
    private String rejection;

    /**
     * @param offset       file offset of a frame boundary to start at
     * @param lastPosition position of the record before that frame (segment base - 1 at offset 0)
     */
    FrameScanner(ReadWindow window, long offset, long lastPosition, int maxRecordBytes) {
        this.window = window;
        this.offset = offset;
        this.lastPosition = lastPosition;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** File offset of the next frame to read; after damage reaching the limit, the limit. */
    long offset() {
        return offset;
    }

    long lastPosition() {
        return lastPosition;
    }

    Step next(long limit) throws IOException {
        if (offset >= limit) {
            return End.INSTANCE;
        }
        long expected = lastPosition + 1;
        if (isFrame(offset, expected, expected, limit)) {
            return accept(offset, limit);
        }
        long damageStart = offset;
        String reason = rejection;
        for (long candidate = damageStart + 1; candidate + RecordFrame.HEADER_BYTES <= limit; candidate++) {
            long highest = expected + (candidate - damageStart) / RecordFrame.HEADER_BYTES;
            if (isFrame(candidate, expected, highest, limit)) {
                long resume = window.longAt(candidate + RecordFrame.POSITION_OFFSET);
                offset = candidate;
                lastPosition = resume - 1;
                return new Damage(damageStart, candidate - damageStart, reason, expected, resume);
            }
        }
        offset = limit;
        return new Damage(damageStart, limit - damageStart, reason, expected, -1);
    }

    private Frame accept(long at, long limit) throws IOException {
        int length = window.intAt(at);
        long position = window.longAt(at + RecordFrame.POSITION_OFFSET);
        byte[] payload = new byte[length];
        window.load(at, RecordFrame.HEADER_BYTES + length, limit);
        window.slice(at + RecordFrame.HEADER_BYTES, length).get(payload);
        offset = at + RecordFrame.HEADER_BYTES + length;
        lastPosition = position;
        return new Frame(position, at, payload);
    }

    /** Whether a valid frame with a position in {@code [lowest, highest]} starts at {@code at}; leaves its header loaded. */
    private boolean isFrame(long at, long lowest, long highest, long limit) throws IOException {
        if (at + RecordFrame.HEADER_BYTES > limit) {
            return reject("incomplete header");
        }
        window.load(at, RecordFrame.HEADER_BYTES, limit);
        int length = window.intAt(at);
        if (length < 0 || length > maxRecordBytes) {
            return reject("impossible length " + length);
        }
        if (at + RecordFrame.frameBytes(length) > limit) {
            return reject("length " + length + " runs past the end of the data");
        }
        long position = window.longAt(at + RecordFrame.POSITION_OFFSET);
        if (position < lowest || position > highest) {
            return reject("position " + position + " where " + lowest + " was expected");
        }
        int stored = window.intAt(at + RecordFrame.CRC_OFFSET);
        window.load(at, RecordFrame.HEADER_BYTES + length, limit);
        if (RecordFrame.checksum(window.slice(at, RecordFrame.HEADER_BYTES + length), length, crc) != stored) {
            window.load(at, RecordFrame.HEADER_BYTES, limit);
            return reject("checksum mismatch");
        }
        return true;
    }

    private boolean reject(String why) {
        rejection = why;
        return false;
    }
}
