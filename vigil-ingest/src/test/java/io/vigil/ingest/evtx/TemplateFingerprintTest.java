package io.vigil.ingest.evtx;

import io.vigil.ingest.testsupport.RecordingListener;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A template definition is reused elsewhere only when it would compile to the same template. */
class TemplateFingerprintTest {

    private static final int EXTERNAL_NAME_AT = 600;
    private static final int OTHER_NAME_AT = 700;

    @Test
    void sameDefinitionAtAnotherOffsetMatches() {
        SyntheticChunk chunk = new SyntheticChunk();
        int first = chunk.definition(1000, "Event");
        int second = chunk.definition(3000, "Event");
        assertThat(chunk.fingerprint(first).matches(chunk.bytes, second, chunk.end(second))).isTrue();
    }

    @Test
    void differentInlineNameDoesNotMatch() {
        SyntheticChunk chunk = new SyntheticChunk();
        int first = chunk.definition(1000, "Event");
        int second = chunk.definition(3000, "Evant");
        assertThat(chunk.fingerprint(first).matches(chunk.bytes, second, chunk.end(second))).isFalse();
    }

    @Test
    void externalNameMustHaveTheSameTextWhereverItIs() {
        SyntheticChunk chunk = new SyntheticChunk();
        chunk.name(EXTERNAL_NAME_AT, "Data");
        chunk.name(OTHER_NAME_AT, "Data");
        int first = chunk.definitionReferring(1000, EXTERNAL_NAME_AT);
        int elsewhere = chunk.definitionReferring(3000, OTHER_NAME_AT);
        assertThat(chunk.fingerprint(first).matches(chunk.bytes, elsewhere, chunk.end(elsewhere))).isTrue();

        chunk.name(OTHER_NAME_AT, "Date");
        assertThat(chunk.fingerprint(first).matches(chunk.bytes, elsewhere, chunk.end(elsewhere))).isFalse();
    }

    @Test
    void inlineAndExternalNamesAreNotInterchangeable() {
        SyntheticChunk chunk = new SyntheticChunk();
        chunk.name(EXTERNAL_NAME_AT, "Event");
        int inline = chunk.definition(1000, "Event");
        int external = chunk.definitionReferring(3000, EXTERNAL_NAME_AT);
        assertThat(chunk.fingerprint(inline).matches(chunk.bytes, external, chunk.end(external))).isFalse();
        assertThat(chunk.fingerprint(external).matches(chunk.bytes, inline, chunk.end(inline))).isFalse();
    }

    @Test
    void templatesKeptAcrossFilesGiveTheSameEventsAsTemplatesCompiledAfresh() throws Exception {
        EvtxDecoder decoder = new EvtxDecoder(EvtxOptions.singleThreaded());
        List<Path> files = Corpus.evtxFiles();
        List<byte[]> contents = new ArrayList<>();
        for (Path file : files) {
            contents.add(Files.readAllBytes(file));
        }
        for (int i = 0; i < files.size(); i++) {
            RecordingListener.decode(decoder, Corpus.relative(files.get(i)), contents.get(i));
        }
        for (int i = 0; i < files.size(); i++) {
            String name = Corpus.relative(files.get(i));
            byte[] bytes = contents.get(i);
            assertThat(RecordingListener.decode(decoder, name, bytes).events).as(name)
                    .isEqualTo(onFreshThread(decoder, name, bytes).events);
        }
    }

    /** A new thread starts with an empty {@link TemplateLibrary}. */
    private static RecordingListener onFreshThread(EvtxDecoder decoder, String name, byte[] bytes)
            throws InterruptedException {
        AtomicReference<RecordingListener> result = new AtomicReference<>();
        Thread thread = new Thread(() -> result.set(RecordingListener.decode(decoder, name, bytes)));
        thread.start();
        thread.join();
        return result.get();
    }

    /** A chunk-sized buffer with hand-written names and one-element template definitions. */
    private static final class SyntheticChunk {

        final byte[] bytes = new byte[Chunk.SIZE];
        private final ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        private final List<Integer> ends = new ArrayList<>();
        private final List<Integer> starts = new ArrayList<>();

        /** A name as a chunk stores it: next-name link, hash, length, UTF-16 characters, terminator. */
        int name(int at, String text) {
            buffer.putInt(at, at * 7); // the link differs from place to place
            buffer.putShort(at + 4, (short) text.hashCode());
            buffer.putShort(at + 6, (short) text.length());
            byte[] chars = text.getBytes(StandardCharsets.UTF_16LE);
            buffer.put(at + 8, chars);
            buffer.putShort(at + 8 + chars.length, (short) 0);
            return at + 8 + chars.length + 2;
        }

        /** {@code <name/>} with the name stored inline; returns where the definition's data starts. */
        int definition(int at, String name) {
            int pos = elementStart(at);
            buffer.putInt(pos, pos + 4);
            pos = name(pos + 4, name);
            return elementEnd(at, pos);
        }

        /** {@code <name/>} with the name referred to at {@code nameAt}. */
        int definitionReferring(int at, int nameAt) {
            int pos = elementStart(at);
            buffer.putInt(pos, nameAt);
            return elementEnd(at, pos + 4);
        }

        private int elementStart(int at) {
            bytes[at] = BinXmlToken.OPEN_START_ELEMENT;
            return at + 1 + 2 + 4;
        }

        private int elementEnd(int start, int pos) {
            bytes[pos++] = BinXmlToken.CLOSE_EMPTY_ELEMENT;
            bytes[pos++] = BinXmlToken.END_OF_FRAGMENT;
            starts.add(start);
            ends.add(pos);
            return start;
        }

        int end(int start) {
            return ends.get(starts.indexOf(start));
        }

        TemplateFingerprint fingerprint(int start) {
            NameReferences references = new NameReferences();
            TemplateCompiler.compile(bytes, new NameTable(bytes, bytes.length), start, end(start), references);
            return TemplateFingerprint.of(bytes, start, end(start), references);
        }
    }
}
