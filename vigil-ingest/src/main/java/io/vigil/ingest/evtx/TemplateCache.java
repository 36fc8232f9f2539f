package io.vigil.ingest.evtx;

/**
 * Compiled template definitions of one chunk by their chunk offset. A definition is written inline
 * by the first record that uses it and referred to by offset afterwards; it is compiled once (or
 * found in the thread's {@link TemplateLibrary}), and a definition that fails to compile fails fast
 * for every later instance too.
 */
final class TemplateCache {

    /** next-definition offset, GUID, data size. */
    static final int DEFINITION_HEADER = 4 + 16 + 4;

    private final byte[] chunk;
    /** Definitions must lie in the part of the chunk that was read. */
    private final int readable;
    private final NameTable names;
    private final TemplateLibrary library;
    private final OffsetMap<Object> byOffset = new OffsetMap<>();

    TemplateCache(byte[] chunk, int readable, NameTable names, TemplateLibrary library) {
        this.chunk = chunk;
        this.readable = readable;
        this.names = names;
        this.library = library;
    }

    CompiledTemplate definitionAt(int offset) {
        Object cached = byOffset.get(offset);
        if (cached == null) {
            try {
                cached = compile(offset);
            } catch (EvtxFormatException e) {
                cached = e;
            }
            byOffset.put(offset, cached);
        }
        if (cached instanceof EvtxFormatException e) {
            throw new EvtxFormatException("template at chunk offset " + offset + ": " + e.getMessage());
        }
        return (CompiledTemplate) cached;
    }

    /** Bytes the definition at {@code offset} occupies, header included. */
    int definitionSize(int offset) {
        if (offset < 0 || offset > readable - DEFINITION_HEADER) {
            throw new EvtxFormatException("template definition at chunk offset " + offset
                    + " lies past the " + readable + " bytes of the chunk in use");
        }
        int dataSize = Bytes.i32(chunk, offset + DEFINITION_HEADER - 4);
        if (dataSize < 0 || dataSize > readable - offset - DEFINITION_HEADER) {
            throw new EvtxFormatException("template definition at chunk offset " + offset
                    + " claims " + Integer.toUnsignedString(dataSize) + " bytes");
        }
        return DEFINITION_HEADER + dataSize;
    }

    private CompiledTemplate compile(int offset) {
        if (offset < Chunk.HEADER_SIZE || offset >= readable) {
            throw new EvtxFormatException("template definition offset " + offset + " outside the chunk's records");
        }
        int start = offset + DEFINITION_HEADER;
        int end = offset + definitionSize(offset);
        CompiledTemplate known = library.find(chunk, offset, start, end);
        if (known != null) {
            return known;
        }
        NameReferences references = new NameReferences();
        CompiledTemplate template = TemplateCompiler.compile(chunk, names, start, end, references);
        library.add(chunk, offset, start, end, references, template);
        return template;
    }
}
