package io.vigil.ingest.evtx;

import io.vigil.ingest.testsupport.RecordingListener;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.decode.DecodeError;
import io.vigil.model.event.WindowsEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Damage is reported with chunk number and offset, and the good data around it still decodes. */
class EvtxDamageTest {

    private static final String SPRAY = "deepbluecli/evtx/password-spray.evtx";
    private static final int CHUNK = 65536;
    private static final int HEADER = 4096;

    private final EvtxDecoder decoder = new EvtxDecoder(EvtxOptions.singleThreaded());

    @Test
    void truncatedFileKeepsEverythingBeforeTheCut() throws IOException {
        byte[] file = corpusFile(SPRAY);
        List<WindowsEvent> all = RecordingListener.decode(decoder, SPRAY, file).events;
        int cut = HEADER + 2 * CHUNK + 1000;
        RecordingListener result = RecordingListener.decode(decoder, SPRAY, Arrays.copyOf(file, cut));
        assertThat(result.errors).singleElement().satisfies(e -> {
            assertThat(e.position()).isEqualTo(HEADER + 2 * CHUNK);
            assertThat(e.message()).startsWith("chunk 2: truncated");
        });
        assertThat(result.events).isNotEmpty().isEqualTo(all.subList(0, result.events.size()));
        assertThat(result.events.get(result.events.size() - 1).origin().position()).isLessThan(HEADER + 2 * CHUNK);
    }

    @Test
    void flippedBytesFailTheChunkChecksumAndTheOtherChunksStillDecode() throws IOException {
        byte[] file = corpusFile(SPRAY);
        List<WindowsEvent> all = RecordingListener.decode(decoder, SPRAY, file).events;
        file[HEADER + CHUNK + 3000] ^= 0x55;
        RecordingListener result = RecordingListener.decode(decoder, SPRAY, file);
        assertThat(result.errors).singleElement().satisfies(e -> {
            assertThat(e.position()).isEqualTo(HEADER + CHUNK);
            assertThat(e.message()).startsWith("chunk 1: records checksum mismatch");
        });
        assertThat(result.events).isEqualTo(all.stream().filter(e -> !inChunk(e, 1)).toList());
    }

    @Test
    void damagedChunkHeaderIsReported() throws IOException {
        byte[] file = corpusFile(SPRAY);
        file[HEADER + 48] ^= 0x01; // free space offset
        RecordingListener result = RecordingListener.decode(decoder, SPRAY, file);
        assertThat(result.errors).extracting(DecodeError::message).containsExactly(
                "chunk 0: header checksum mismatch" + result.errors.get(0).message().substring(33));
        assertThat(result.events).isNotEmpty();
    }

    @Test
    void garbageChunkIsReportedAndSkipped() throws IOException {
        byte[] file = corpusFile(SPRAY);
        byte[] garbage = new byte[CHUNK];
        new Random(7).nextBytes(garbage);
        System.arraycopy(garbage, 0, file, HEADER, CHUNK);
        RecordingListener result = RecordingListener.decode(decoder, SPRAY, file);
        assertThat(result.errors).extracting(DecodeError::message).containsExactly("chunk 0: no ElfChnk signature");
        assertThat(result.events).isNotEmpty().noneMatch(e -> inChunk(e, 0));
    }

    @Test
    void garbageFileIsOneError() {
        byte[] garbage = new byte[100_000];
        new Random(11).nextBytes(garbage);
        RecordingListener result = RecordingListener.decode(decoder, "garbage.evtx", garbage);
        assertThat(result.events).isEmpty();
        assertThat(result.errors).extracting(DecodeError::toString)
                .containsExactly("garbage.evtx offset 0: not an EVTX file: no ElfFile signature");
    }

    @Test
    void emptyAndHeaderOnlyFiles() {
        assertThat(RecordingListener.decode(decoder, "empty", new byte[0]).errors).hasSize(1);
        RecordingListener headerOnly = RecordingListener.decode(decoder, "header-only", EvtxBuilder.file(List.of()));
        assertThat(headerOnly.errors).isEmpty();
        assertThat(headerOnly.events).isEmpty();
    }

    @Test
    void zeroFilledTrailingChunksAreNotErrors() throws IOException {
        byte[] file = corpusFile(SPRAY);
        byte[] padded = Arrays.copyOf(file, file.length + 3 * CHUNK);
        assertThat(RecordingListener.decode(decoder, SPRAY, padded).errors).isEmpty();
    }

    @Test
    void dataBehindABlankChunkHeaderIsReportedWhereTheFileHeaderCountsTheChunk() throws IOException {
        byte[] file = corpusFile(SPRAY);
        Arrays.fill(file, HEADER, HEADER + 512, (byte) 0);
        RecordingListener result = RecordingListener.decode(decoder, SPRAY, file);
        assertThat(result.errors).extracting(DecodeError::message).containsExactly("chunk 0: no ElfChnk signature");
        assertThat(result.events).isNotEmpty().noneMatch(e -> inChunk(e, 0));
    }

    /**
     * Past the chunks the file header counts, a blank chunk header means a never-used chunk and the rest
     * is not read; slack recovery, the forensic mode, still reads and reports it.
     */
    @Test
    void dataBehindABlankChunkHeaderPastTheCountedChunksIsReportedBySlackRecovery() throws IOException {
        byte[] file = corpusFile(SPRAY);
        int counted = Bytes.u16(file, 42);
        byte[] padded = Arrays.copyOf(file, HEADER + (counted + 1) * CHUNK);
        int extra = HEADER + counted * CHUNK;
        Arrays.fill(padded, extra, padded.length, (byte) 0);
        Arrays.fill(padded, extra + 512, padded.length, (byte) 0x5A);

        RecordingListener read = RecordingListener.decode(decoder, SPRAY, padded);
        assertThat(read.errors).isEmpty();
        assertThat(read.events).isEqualTo(RecordingListener.decode(decoder, SPRAY, file).events);

        EvtxDecoder forensic = new EvtxDecoder(EvtxOptions.singleThreaded().withSlackRecovery(true));
        assertThat(RecordingListener.decode(forensic, SPRAY, padded).errors).extracting(DecodeError::toString)
                .containsExactly(SPRAY + " offset " + extra + ": chunk " + counted + ": no ElfChnk signature");
    }

    @Test
    void deeplyNestedElementsAreOneRecordError() {
        EvtxBuilder.BinXml deep = new EvtxBuilder.BinXml(EvtxBuilder.RECORD_BINXML_START).fragmentHeader();
        int name = deep.position() + 1 + 2 + 4 + 4;
        deep.openElement("Event").u8(0x02);
        for (int i = 0; i < 5_000; i++) {
            deep.openElement(name).u8(0x02);
        }
        byte[] first = deep.toBytes();
        RecordingListener result = decodeSynthetic(List.of(first, minimalEvent(after(first))));
        assertThat(result.errors).singleElement().satisfies(e -> {
            assertThat(e.position()).isEqualTo(HEADER + 512);
            assertThat(e.message()).contains("nested deeper than 64");
        });
        assertThat(result.events).hasSize(1);
    }

    @Test
    void deeplyNestedBinaryXmlValuesAreOneRecordError() {
        RecordingListener result = decodeSynthetic(List.of(nestedValues(2_000)));
        assertThat(result.errors).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("nested deeper than 64"));
        assertThat(result.events).isEmpty();
    }

    @Test
    void referencesPastTheChunksRecordsAreErrorsWhateverTheBufferHeldBefore() {
        byte[] pointsPast = new EvtxBuilder.BinXml(EvtxBuilder.RECORD_BINXML_START).fragmentHeader()
                .openElement(60_000).u8(0x03).u8(0x00).toBytes();
        byte[] chunk = EvtxBuilder.chunk(List.of(pointsPast, minimalEvent(after(pointsPast))));
        byte[] garbage = new byte[CHUNK];
        new Random(3).nextBytes(garbage);

        RecordingListener alone = RecordingListener.decode(decoder, "synthetic", EvtxBuilder.file(List.of(chunk)));
        RecordingListener afterGarbage =
                RecordingListener.decode(decoder, "synthetic", EvtxBuilder.file(List.of(garbage, chunk)));

        assertThat(alone.errors).singleElement().satisfies(e -> {
            assertThat(e.message()).startsWith("chunk 0 record").contains("name at chunk offset 60006 lies past the");
        });
        assertThat(afterGarbage.errors).extracting(DecodeError::message).containsExactly(
                "chunk 0: no ElfChnk signature", alone.errors.get(0).message().replace("chunk 0", "chunk 1"));
        assertThat(afterGarbage.events).extracting(WindowsEvent::recordId)
                .containsExactlyElementsOf(alone.events.stream().map(WindowsEvent::recordId).toList())
                .containsExactly(2L);
    }

    @Test
    void badRecordIsReportedAndTheNextOneDecodes() {
        byte[] broken = {0x0F, 1, 1, 0, 0x0C, 1, 0, 0, 0, 0, 0x7F, 0x7F, 0, 0};
        RecordingListener result = decodeSynthetic(List.of(broken, minimalEvent(after(broken))));
        assertThat(result.errors).singleElement().satisfies(e -> assertThat(e.message()).startsWith("chunk 0 record"));
        assertThat(result.events).singleElement().satisfies(e -> assertThat(e.recordId()).isEqualTo(2));
    }

    private RecordingListener decodeSynthetic(List<byte[]> records) {
        return RecordingListener.decode(decoder, "synthetic", EvtxBuilder.file(List.of(EvtxBuilder.chunk(records))));
    }

    /** Chunk offset of the second record's Binary XML when the first record holds {@code first}. */
    private static int after(byte[] first) {
        return EvtxBuilder.RECORD_BINXML_START + EvtxBuilder.recordSize(first);
    }

    /** {@code <Event/>} written without a template; the record id then comes from the record header. */
    private static byte[] minimalEvent(int chunkOffset) {
        return new EvtxBuilder.BinXml(chunkOffset).fragmentHeader()
                .openElement("Event").u8(0x03).u8(0x00).toBytes();
    }

    /**
     * {@code <Event>} whose content is a Binary XML value, which is a template instance whose only
     * content is again a Binary XML value, {@code levels} deep: deep recursion unless bounded.
     */
    private static byte[] nestedValues(int levels) {
        int base = EvtxBuilder.RECORD_BINXML_START;
        // outer template: <Event>%0 (BinXml)</Event>
        EvtxBuilder.BinXml outerBody = new EvtxBuilder.BinXml(base + 4 + 10 + 24).fragmentHeader()
                .openElement("Event").u8(0x02).u8(0x0E).u16(0).u8(0x21).u8(0x04).u8(0x00);
        byte[] outer = outerBody.toBytes();
        int firstLevel = base + 4 + 10 + 24 + outer.length + 4 + 4;
        int innerDefinition = firstLevel + 4 + 10;
        byte[] innerTemplate = new EvtxBuilder.BinXml(0).fragmentHeader().u8(0x0E).u16(0).u8(0x21).u8(0x00).toBytes();
        byte[] value = instance(innerDefinition, false, null, new byte[0]);
        for (int level = levels; level > 1; level--) {
            value = instance(innerDefinition, false, null, value);
        }
        value = instance(innerDefinition, true, innerTemplate, value);
        return new EvtxBuilder.BinXml(base).fragmentHeader()
                .u8(0x0C, 0x01).u32(1).u32(base + 14)
                .u32(0).bytes(new byte[16]).u32(outer.length).bytes(outer)
                .u32(1).u16(value.length).u8(0x21, 0).bytes(value)
                .toBytes();
    }

    private static byte[] instance(int definition, boolean inline, byte[] template, byte[] value) {
        EvtxBuilder.BinXml b = new EvtxBuilder.BinXml(0).fragmentHeader().u8(0x0C, 0x01).u32(2).u32(definition);
        if (inline) {
            b.u32(0).bytes(new byte[16]).u32(template.length).bytes(template);
        }
        if (value.length == 0) {
            return b.u32(0).toBytes();
        }
        return b.u32(1).u16(value.length).u8(0x21, 0).bytes(value).toBytes();
    }

    private static boolean inChunk(WindowsEvent e, int chunk) {
        long position = e.origin().position();
        return position >= HEADER + (long) chunk * CHUNK && position < HEADER + (long) (chunk + 1) * CHUNK;
    }

    static byte[] corpusFile(String relative) throws IOException {
        return Files.readAllBytes(Corpus.root().resolve(relative));
    }
}
