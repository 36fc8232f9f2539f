package io.vigil.ingest.evtx;

/** The 24 bytes before a record's Binary XML: signature, size, record id, time written. */
final class RecordHeader {

    static final int SIZE = 24;
    /** Header plus the trailing copy of the size. */
    static final int MIN_RECORD_SIZE = SIZE + 4;
    private static final int SIGNATURE = 0x00002A2A;

    private RecordHeader() {
    }

    static int size(byte[] chunk, int pos) {
        return Bytes.i32(chunk, pos + 4);
    }

    static long recordId(byte[] chunk, int pos) {
        return Bytes.i64(chunk, pos + 8);
    }

    static long writtenTicks(byte[] chunk, int pos) {
        return Bytes.i64(chunk, pos + 16);
    }

    static boolean hasSignature(byte[] chunk, int pos) {
        return pos >= 0 && pos + 4 <= chunk.length && Bytes.i32(chunk, pos) == SIGNATURE;
    }

    /** Why the record at {@code pos} cannot be read, or null when its framing is sound. */
    static String problem(byte[] chunk, int pos, int limit) {
        if (!hasSignature(chunk, pos)) {
            return "no record signature";
        }
        int size = size(chunk, pos);
        if (size < MIN_RECORD_SIZE || size > limit - pos) {
            return "record size " + Integer.toUnsignedString(size) + " does not fit the chunk";
        }
        if (Bytes.i32(chunk, pos + size - 4) != size) {
            return "record size " + size + " differs from its trailing copy";
        }
        return null;
    }

    /** The next offset in {@code [from, limit)} that starts with a record signature, or -1. */
    static int nextSignature(byte[] chunk, int from, int limit) {
        for (int pos = from; pos + SIZE <= limit; pos++) {
            if (chunk[pos] == 0x2A && hasSignature(chunk, pos)) {
                return pos;
            }
        }
        return -1;
    }
}
