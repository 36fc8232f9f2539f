package io.vigil.ingest.evtx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/** Writes small synthetic EVTX files with correct framing and checksums, for damage tests. */
final class EvtxBuilder {

    static final int RECORD_BINXML_START = 512 + 24;

    private EvtxBuilder() {
    }

    static byte[] file(List<byte[]> chunks) {
        ByteBuffer file = le(4096 + 65536 * chunks.size());
        file.put("ElfFile\0".getBytes(StandardCharsets.US_ASCII));
        file.putLong(16, chunks.size() - 1).putInt(32, 128).putShort(36, (short) 1).putShort(38, (short) 3)
                .putShort(40, (short) 4096).putShort(42, (short) chunks.size());
        CRC32 crc = new CRC32();
        crc.update(file.array(), 0, 120);
        file.putInt(124, (int) crc.getValue());
        for (int i = 0; i < chunks.size(); i++) {
            file.put(4096 + 65536 * i, chunks.get(i));
        }
        return file.array();
    }

    /** A chunk whose records hold the given Binary XML documents, the first one at chunk offset 512. */
    static byte[] chunk(List<byte[]> binXmlDocuments) {
        ByteBuffer chunk = le(65536);
        chunk.put("ElfChnk\0".getBytes(StandardCharsets.US_ASCII));
        int pos = 512;
        int last = pos;
        for (int i = 0; i < binXmlDocuments.size(); i++) {
            byte[] binXml = binXmlDocuments.get(i);
            int size = recordSize(binXml);
            chunk.putInt(pos, 0x2A2A).putInt(pos + 4, size).putLong(pos + 8, i + 1L)
                    .putLong(pos + 16, 133_000_000_000_000_000L).put(pos + 24, binXml).putInt(pos + size - 4, size);
            last = pos;
            pos += size;
        }
        chunk.putLong(8, 1).putLong(16, binXmlDocuments.size()).putLong(24, 1).putLong(32, binXmlDocuments.size())
                .putInt(40, 128).putInt(44, last).putInt(48, pos);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 512, pos - 512);
        chunk.putInt(52, (int) crc.getValue());
        crc.reset();
        crc.update(chunk.array(), 0, 120);
        crc.update(chunk.array(), 128, 384);
        chunk.putInt(124, (int) crc.getValue());
        return chunk.array();
    }

    static int recordSize(byte[] binXml) {
        return (24 + binXml.length + 4 + 7) & ~7;
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Binary XML bytes whose chunk offsets are known: {@link #position()} is where the next byte lands. */
    static final class BinXml {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final int base;

        BinXml(int base) {
            this.base = base;
        }

        int position() {
            return base + out.size();
        }

        BinXml u8(int... values) {
            for (int v : values) {
                out.write(v);
            }
            return this;
        }

        BinXml u16(int v) {
            return u8(v & 0xFF, (v >>> 8) & 0xFF);
        }

        BinXml u32(int v) {
            return u16(v & 0xFFFF).u16(v >>> 16);
        }

        BinXml bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        BinXml fragmentHeader() {
            return u8(0x0F, 1, 1, 0);
        }

        /** Open-start-element token and a name stored inline; the caller writes attributes and the close. */
        BinXml openElement(String name) {
            u8(0x01).u16(0xFFFF).u32(0);
            u32(position() + 4);
            return inlineName(name);
        }

        /** An element named by reference to a name stored earlier at {@code nameOffset}. */
        BinXml openElement(int nameOffset) {
            return u8(0x01).u16(0xFFFF).u32(0).u32(nameOffset);
        }

        BinXml inlineName(String name) {
            u32(0).u16(0).u16(name.length());
            for (char c : name.toCharArray()) {
                u16(c);
            }
            return u16(0);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }
}
