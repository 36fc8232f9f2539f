package io.vigil.ingest.evtx;

/**
 * Element and attribute names of one chunk. A name is stored once (next-offset, hash, length,
 * UTF-16 characters, terminator) and referred to by its chunk offset, which must lie in the part of
 * the chunk that was read.
 */
final class NameTable {

    private static final int HEADER = 8;
    private final byte[] chunk;
    private final int readable;
    private final OffsetMap<Name> byOffset = new OffsetMap<>();

    /** A name with its {@link ElementName} code. */
    record Name(String text, int code) {
    }

    /** @param readable how much of {@code chunk} holds this chunk's bytes; names must lie before it */
    NameTable(byte[] chunk, int readable) {
        this.chunk = chunk;
        this.readable = readable;
    }

    Name nameAt(int offset) {
        Name name = byOffset.get(offset);
        if (name == null) {
            int length = Bytes.u16(chunk, withinReadable(offset + 6, 2));
            withinReadable(offset + HEADER, 2 * length);
            String text = Utf16.decode(chunk, offset + HEADER, 2 * length);
            name = new Name(text, ElementName.codeOf(text));
            byOffset.put(offset, name);
        }
        return name;
    }

    /** Bytes a name occupies where it is stored inline, right after the reference to it. */
    int storedSize(int offset) {
        return HEADER + 2 * Bytes.u16(chunk, withinReadable(offset + 6, 2)) + 2;
    }

    private int withinReadable(int at, int length) {
        if ((at | length) < 0 || at > readable - length) {
            throw new EvtxFormatException("name at chunk offset " + at + " lies past the " + readable
                    + " bytes of the chunk in use");
        }
        return at;
    }
}
