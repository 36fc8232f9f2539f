package io.vigil.ingest.evtx;

import java.util.ArrayDeque;

/**
 * What a thread keeps from one chunk to the next, so that decoding many small files does not start
 * from scratch each time: compiled templates, text decoding buffers and a spare chunk buffer. One per thread, never shared.
 */
final class DecodingWorkspace {

    private static final ThreadLocal<DecodingWorkspace> CURRENT = ThreadLocal.withInitial(DecodingWorkspace::new);

    final TemplateLibrary templates = new TemplateLibrary();
    final Utf16 text = new Utf16();
    /** Enough for a parallel read on a few cores; a thread never keeps more than these 512 KiB. */
    private static final int MAX_SPARE_CHUNKS = 8;

    private final ArrayDeque<ChunkBuffer> spareChunks = new ArrayDeque<>();

    private DecodingWorkspace() {
    }

    static DecodingWorkspace current() {
        return CURRENT.get();
    }

    /**
     * A chunk-sized buffer, the caller's own until {@link #giveBack}: one an earlier file or chunk gave
     * back, or a new one. Files of one chunk are the common case, and a fresh 64 KiB buffer for each
     * costs more than decoding it.
     */
    ChunkBuffer takeChunkBuffer() {
        ChunkBuffer buffer = spareChunks.poll();
        return buffer != null ? buffer : new ChunkBuffer();
    }

    /** Only for a buffer no other thread still reads. */
    void giveBack(ChunkBuffer chunkBuffer) {
        if (spareChunks.size() < MAX_SPARE_CHUNKS) {
            spareChunks.push(chunkBuffer);
        }
    }
}
