package io.vigil.ingest.evtx;

import java.util.HashMap;
import java.util.Map;

/**
 * Element and attribute names of one chunk. A name is stored once (next-offset, hash, length,
 * UTF-16 characters, terminator) and referred to by its chunk offset.
 */
final class NameTable {

    private static final int HEADER = 8;
    private final byte[] chunk;
    private final Map<Integer, String> byOffset = new HashMap<>();

    NameTable(byte[] chunk) {
        this.chunk = chunk;
    }

    String nameAt(int offset) {
        String name = byOffset.get(offset);
        if (name == null) {
            int length = Bytes.u16(chunk, offset + 6);
            Bytes.check(chunk, offset + HEADER, 2 * length);
            name = Utf16.decode(chunk, offset + HEADER, 2 * length);
            byOffset.put(offset, name);
        }
        return name;
    }

    /** Bytes a name occupies where it is stored inline, right after the reference to it. */
    int storedSize(int offset) {
        return HEADER + 2 * Bytes.u16(chunk, offset + 6) + 2;
    }
}
