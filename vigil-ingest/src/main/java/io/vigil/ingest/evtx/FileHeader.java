package io.vigil.ingest.evtx;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The 4 KiB block at the start of an EVTX file. Its signature and version, and how many chunks are in
 * use, matter for reading; a dirty file may use more chunks than it counts, so the count only says
 * which chunks may be never used.
 */
record FileHeader(int majorVersion, int minorVersion, int chunkCount, int flags) {

    static final int SIZE = 4096;
    private static final byte[] SIGNATURE = "ElfFile\0".getBytes(StandardCharsets.US_ASCII);

    static boolean hasSignature(byte[] block) {
        return Arrays.equals(block, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    static FileHeader parse(byte[] block) {
        return new FileHeader(Bytes.u16(block, 38), Bytes.u16(block, 36), Bytes.u16(block, 42), Bytes.i32(block, 120));
    }

    /** How much of chunk {@code index} to read: see {@link ChunkBuffer.Extent}. */
    ChunkBuffer.Extent extentOf(int index, boolean recoverSlack) {
        if (recoverSlack) {
            return ChunkBuffer.Extent.WHOLE;
        }
        return index < chunkCount ? ChunkBuffer.Extent.IN_USE : ChunkBuffer.Extent.IN_USE_UNLESS_BLANK;
    }

    boolean isSupportedVersion() {
        return majorVersion == 3 && (minorVersion == 1 || minorVersion == 2);
    }
}
