package io.vigil.ingest.evtx;

import io.vigil.ingest.decode.DecodeError;
import io.vigil.ingest.decode.EventFilter;
import io.vigil.model.event.EventOrigin;
import io.vigil.model.event.WindowsEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * One 64 KiB chunk: a 512-byte header (record range, free-space offset, checksums, string and
 * template tables) followed by event records. Decoding a chunk only needs the chunk's own bytes, so
 * chunks decode independently.
 */
final class Chunk {

    static final int SIZE = 64 * 1024;
    static final int HEADER_SIZE = 512;
    private static final byte[] SIGNATURE = "ElfChnk\0".getBytes(StandardCharsets.US_ASCII);
    private static final int FREE_SPACE_OFFSET = 48;
    private static final int RECORDS_CHECKSUM = 52;
    private static final int HEADER_CHECKSUM = 124;
    private static final int HEADER_CHECKSUMMED_PART_1 = 120;
    private static final int HEADER_CHECKSUMMED_PART_2_START = 128;

    private final byte[] bytes;
    private final int readable;
    private final int index;
    private final long fileOffset;
    private final String source;

    /**
     * @param bytes      the chunk, exactly {@link #SIZE} bytes; not modified
     * @param readable   how many of them were read for this chunk (see {@link ChunkBuffer}): nothing past
     *                   them is read, so what a buffer held before cannot change how a chunk decodes
     * @param index      the chunk's number in the file, from 0, for error messages
     * @param fileOffset where the chunk starts in the file
     */
    Chunk(byte[] bytes, int readable, int index, long fileOffset, String source) {
        this.bytes = bytes;
        this.readable = readable;
        this.index = index;
        this.fileOffset = fileOffset;
        this.source = source;
    }

    private static final byte[] ZEROS = new byte[SIZE];

    /**
     * How much of the chunk starting with this header is in use: up to its free-space offset when the
     * header is a chunk header with a plausible one, else all of it (so that damage shows whole).
     */
    static int usedLength(byte[] header) {
        if (!hasSignature(header)) {
            return SIZE;
        }
        long freeSpace = Bytes.u32(header, FREE_SPACE_OFFSET);
        return freeSpace >= HEADER_SIZE && freeSpace <= SIZE ? (int) freeSpace : SIZE;
    }

    private static boolean hasSignature(byte[] bytes) {
        return Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    /** Never-used chunks are zero-filled; files are often pre-allocated with many of them. */
    static boolean isEmpty(byte[] bytes, int length) {
        return Arrays.mismatch(bytes, 0, length, ZEROS, 0, length) < 0;
    }

    ChunkResult decode(EventFilter filter, boolean recoverSlack) {
        ChunkResult result = new ChunkResult();
        try {
            decodeRecords(filter, recoverSlack, result);
        } catch (RuntimeException | StackOverflowError e) {
            // every read is bounded, so this is a defect; the chunk is still only a chunk
            result.add(DecodeError.atOffset(source, fileOffset, "chunk " + index + ": " + e));
        }
        return result;
    }

    private void decodeRecords(EventFilter filter, boolean recoverSlack, ChunkResult result) {
        String damage = damage();
        if (damage != null) {
            result.add(DecodeError.atOffset(source, fileOffset, "chunk " + index + ": " + damage));
            return;
        }
        int freeSpace = Bytes.i32(bytes, FREE_SPACE_OFFSET);
        DecodingWorkspace workspace = DecodingWorkspace.current();
        NameTable names = new NameTable(bytes, readable);
        TemplateCache templates = new TemplateCache(bytes, readable, names, workspace.templates);
        EventAssembler assembler = new EventAssembler(bytes, names, templates, filter, workspace.text);
        int pos = HEADER_SIZE;
        while (pos + RecordHeader.SIZE <= freeSpace) {
            String problem = RecordHeader.problem(bytes, pos, freeSpace);
            if (problem != null) {
                result.add(recordError(pos, problem));
                int next = RecordHeader.nextSignature(bytes, pos + 1, freeSpace);
                if (next < 0) {
                    break;
                }
                pos = next;
                continue;
            }
            int size = RecordHeader.size(bytes, pos);
            try {
                WindowsEvent event = assembler.assemble(pos + RecordHeader.SIZE, pos + size - 4,
                        RecordHeader.recordId(bytes, pos), RecordHeader.writtenTicks(bytes, pos),
                        new EventOrigin(source, fileOffset + pos));
                if (event != null) {
                    result.add(event);
                }
            } catch (RuntimeException e) {
                result.add(recordError(pos, describe(e)));
            }
            pos += size;
        }
        if (recoverSlack) {
            new SlackRecovery(bytes, fileOffset, source, assembler).recover(freeSpace, result);
        }
    }

    /** Why the chunk cannot be trusted, or null when its signature, offsets and checksums are sound. */
    private String damage() {
        if (!hasSignature(bytes)) {
            return "no ElfChnk signature";
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, HEADER_CHECKSUMMED_PART_1);
        crc.update(bytes, HEADER_CHECKSUMMED_PART_2_START, HEADER_SIZE - HEADER_CHECKSUMMED_PART_2_START);
        long stored = Bytes.u32(bytes, HEADER_CHECKSUM);
        if (crc.getValue() != stored) {
            return "header checksum mismatch (stored 0x" + Long.toHexString(stored)
                    + ", computed 0x" + Long.toHexString(crc.getValue()) + ")";
        }
        long freeSpace = Bytes.u32(bytes, FREE_SPACE_OFFSET);
        if (freeSpace < HEADER_SIZE || freeSpace > readable) {
            return "free space offset " + freeSpace + " outside the chunk's " + readable + " bytes";
        }
        crc.reset();
        crc.update(bytes, HEADER_SIZE, (int) freeSpace - HEADER_SIZE);
        stored = Bytes.u32(bytes, RECORDS_CHECKSUM);
        if (crc.getValue() != stored) {
            return "records checksum mismatch (stored 0x" + Long.toHexString(stored)
                    + ", computed 0x" + Long.toHexString(crc.getValue()) + ")";
        }
        return null;
    }

    private DecodeError recordError(int pos, String problem) {
        return DecodeError.atOffset(source, fileOffset + pos, "chunk " + index + " record at chunk offset "
                + pos + ": " + problem);
    }

    static String describe(RuntimeException e) {
        return e instanceof EvtxFormatException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
