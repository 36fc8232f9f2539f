package io.vigil.ingest.evtx;

/**
 * What a thread keeps from one chunk to the next, so that decoding many small files does not start
 * from scratch each time: compiled templates, text decoding buffers and a spare chunk buffer. One per thread, never shared.
 */
final class DecodingWorkspace {

    private static final ThreadLocal<DecodingWorkspace> CURRENT = ThreadLocal.withInitial(DecodingWorkspace::new);

    final TemplateLibrary templates = new TemplateLibrary();
    final Utf16 text = new Utf16();
    private ChunkBuffer spareChunk;

    private DecodingWorkspace() {
    }

    static DecodingWorkspace current() {
        return CURRENT.get();
    }

    /** A chunk-sized buffer, the thread's own until {@link #giveBack}; a nested reader gets a new one. */
    ChunkBuffer takeChunkBuffer() {
        ChunkBuffer buffer = spareChunk;
        spareChunk = null;
        return buffer != null ? buffer : new ChunkBuffer();
    }

    void giveBack(ChunkBuffer chunkBuffer) {
        spareChunk = chunkBuffer;
    }
}
