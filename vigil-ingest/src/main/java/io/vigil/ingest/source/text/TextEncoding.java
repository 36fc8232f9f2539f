package io.vigil.ingest.source.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The encoding of a text source, from its first bytes: a UTF-8 or UTF-16 byte-order mark, or, for
 * UTF-16 without a mark (what some Windows tools write), a NUL next to the first ASCII character.
 * Everything else is read as UTF-8.
 *
 * @param bomLength bytes of byte-order mark to skip before the text starts
 */
public record TextEncoding(Charset charset, int bomLength) {

    public static final TextEncoding UTF_8 = new TextEncoding(StandardCharsets.UTF_8, 0);

    /** Bytes {@link #detect} needs to decide. */
    public static final int HEAD_BYTES = 4;

    public static TextEncoding detect(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new TextEncoding(StandardCharsets.UTF_8, 3);
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 2);
        }
        if (length >= 2 && head[0] != 0 && head[1] == 0) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 0);
        }
        if (length >= 2 && head[0] == 0 && head[1] != 0) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 0);
        }
        return UTF_8;
    }

    public boolean isUtf8() {
        return charset.equals(StandardCharsets.UTF_8);
    }

    /**
     * Reads the encoding from the stream's first bytes and returns the stream positioned after the
     * byte-order mark, with the detected encoding.
     */
    public static Detected detect(InputStream input) throws IOException {
        PushbackInputStream in = new PushbackInputStream(input, HEAD_BYTES);
        byte[] head = new byte[HEAD_BYTES];
        int n = in.readNBytes(head, 0, HEAD_BYTES);
        TextEncoding encoding = detect(head, n);
        if (n > encoding.bomLength) {
            in.unread(head, encoding.bomLength, n - encoding.bomLength);
        }
        return new Detected(encoding, in);
    }

    /** A stream positioned after its byte-order mark, and how its text is encoded. */
    public record Detected(TextEncoding encoding, InputStream body) {

        /** The text as characters; malformed bytes become U+FFFD rather than failing the source. */
        public Reader reader() {
            return new InputStreamReader(body, encoding.charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE));
        }

        /** The text as UTF-8 bytes: the body itself when it already is UTF-8, else transcoded. */
        public InputStream utf8() {
            return encoding.isUtf8() ? body : new Utf8TranscodingInputStream(reader());
        }
    }
}
