package io.vigil.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

import io.vigil.ingest.container.TarContainer;
import io.vigil.ingest.source.text.TextEncoding;

/**
 * Recognises a source by its content, never its name: binary magic numbers first (EVTX
 * {@code ElfFile\0}, zip {@code PK\3\4}, gzip {@code 1F 8B}, tar's {@code ustar} at offset 257), then
 * text (UTF-8, or UTF-16 by BOM or NUL pattern) by its first non-blank character: {@code {} or a
 * {@code [} opening an array of objects is JSON, {@code <} is XML.
 */
public final class FormatSniffer {

    /** How many leading bytes {@link #sniff(InputStream)} looks at. */
    public static final int PEEK_BYTES = 8192;

    private static final byte[] EVTX_MAGIC = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};

    /** Sniffs a stream that supports mark/reset, leaving it where it was. */
    public SourceFormat sniff(InputStream markable) throws IOException {
        if (!markable.markSupported()) {
            throw new IllegalArgumentException("stream must support mark/reset");
        }
        markable.mark(PEEK_BYTES);
        byte[] head = markable.readNBytes(PEEK_BYTES);
        markable.reset();
        return sniff(head, head.length);
    }

    public SourceFormat sniff(byte[] head, int length) {
        if (length == 0) {
            return SourceFormat.EMPTY;
        }
        if (startsWith(head, length, EVTX_MAGIC)) {
            return SourceFormat.EVTX;
        }
        if (length >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
            return SourceFormat.ZIP;
        }
        if (length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            return SourceFormat.GZIP;
        }
        if (TarContainer.hasUstarMagic(head, length)) {
            return SourceFormat.TAR;
        }
        return sniffText(head, length);
    }

    private static SourceFormat sniffText(byte[] head, int length) {
        TextEncoding encoding = TextEncoding.detect(head, length);
        CharsetDecoder decoder = encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer text = CharBuffer.allocate(length);
        // the peek may cut a character in half at its end; decoding stops there, which is fine
        ByteBuffer bytes = ByteBuffer.wrap(head, encoding.bomLength(), length - encoding.bomLength());
        decoder.decode(bytes, text, false);
        text.flip();
        int first = nextNonBlank(text, 0);
        if (first < 0) {
            boolean onlyBlanks = bytes.remaining() < 4; // at most a character cut by the peek's end
            return onlyBlanks ? SourceFormat.EMPTY : SourceFormat.UNKNOWN;
        }
        char c = text.charAt(first);
        if (c == '{') {
            return SourceFormat.JSON;
        }
        if (c == '[') {
            int second = nextNonBlank(text, first + 1);
            return second < 0 || text.charAt(second) == '{' || text.charAt(second) == ']'
                    ? SourceFormat.JSON : SourceFormat.UNKNOWN;
        }
        return c == '<' ? SourceFormat.EVENT_XML : SourceFormat.UNKNOWN;
    }

    private static int nextNonBlank(CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] head, int length, byte[] magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
