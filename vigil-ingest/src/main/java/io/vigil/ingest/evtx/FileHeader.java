package io.vigil.ingest.evtx;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The 4 KiB block at the start of an EVTX file. Only its signature and version matter for reading. */
record FileHeader(int majorVersion, int minorVersion, int flags) {

    static final int SIZE = 4096;
    private static final byte[] SIGNATURE = "ElfFile\0".getBytes(StandardCharsets.US_ASCII);

    static boolean hasSignature(byte[] block) {
        return Arrays.equals(block, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    static FileHeader parse(byte[] block) {
        return new FileHeader(Bytes.u16(block, 38), Bytes.u16(block, 36), Bytes.i32(block, 120));
    }

    boolean isSupportedVersion() {
        return majorVersion == 3 && (minorVersion == 1 || minorVersion == 2);
    }
}
