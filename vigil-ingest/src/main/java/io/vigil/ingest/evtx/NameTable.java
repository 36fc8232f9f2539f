package io.vigil.ingest.evtx;

/**
 * Element and attribute names of one chunk. A name is stored once (next-offset, hash, length,
 * UTF-16 characters, terminator) and referred to by its chunk offset.
 */
final class NameTable {

    private static final int HEADER = 8;
    private final byte[] chunk;
    private final OffsetMap<Name> byOffset = new OffsetMap<>();

    /** A name with its {@link ElementName} code. */
    record Name(String text, int code) {
    }

    NameTable(byte[] chunk) {
        this.chunk = chunk;
    }

    Name nameAt(int offset) {
        Name name = byOffset.get(offset);
        if (name == null) {
            int length = Bytes.u16(chunk, offset + 6);
            Bytes.check(chunk, offset + HEADER, 2 * length);
            String text = Utf16.decode(chunk, offset + HEADER, 2 * length);
            name = new Name(text, ElementName.codeOf(text));
            byOffset.put(offset, name);
        }
        return name;
    }

    /** Bytes a name occupies where it is stored inline, right after the reference to it. */
    int storedSize(int offset) {
        return HEADER + 2 * Bytes.u16(chunk, offset + 6) + 2;
    }
}
