package io.vigil.ingest.evtx;

import io.vigil.model.event.EventOrigin;
import io.vigil.model.event.WindowsEvent;

/**
 * Records left behind a chunk's free-space offset: older records a rewritten chunk did not wipe.
 * Slack is mostly garbage, so a candidate that does not decode is dropped without an error.
 */
final class SlackRecovery {

    private final byte[] chunk;
    private final long fileOffset;
    private final String source;
    private final EventAssembler assembler;

    SlackRecovery(byte[] chunk, long fileOffset, String source, EventAssembler assembler) {
        this.chunk = chunk;
        this.fileOffset = fileOffset;
        this.source = source;
        this.assembler = assembler;
    }

    void recover(int freeSpace, ChunkResult result) {
        int pos = Math.max(freeSpace, Chunk.HEADER_SIZE);
        while ((pos = RecordHeader.nextSignature(chunk, pos, chunk.length)) >= 0) {
            if (RecordHeader.problem(chunk, pos, chunk.length) != null) {
                pos++;
                continue;
            }
            int size = RecordHeader.size(chunk, pos);
            try {
                WindowsEvent event = assembler.assemble(pos + RecordHeader.SIZE, pos + size - 4,
                        RecordHeader.recordId(chunk, pos), RecordHeader.writtenTicks(chunk, pos),
                        new EventOrigin(source, fileOffset + pos));
                if (event != null) {
                    result.add(event);
                }
                pos += size;
            } catch (RuntimeException e) {
                pos++;
            }
        }
    }
}
