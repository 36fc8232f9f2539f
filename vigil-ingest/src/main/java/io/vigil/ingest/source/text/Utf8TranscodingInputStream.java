package io.vigil.ingest.source.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Re-encodes characters as UTF-8 bytes, in bounded buffers, for byte-level decoders. */
final class Utf8TranscodingInputStream extends InputStream {

    private final Reader reader;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192 * 3 + 16);
    private boolean endOfInput;

    Utf8TranscodingInputStream(Reader reader) {
        this.reader = reader;
        bytes.flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!bytes.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }

    private boolean fill() throws IOException {
        if (endOfInput && chars.position() == 0) {
            return false;
        }
        if (!endOfInput) {
            int n = reader.read(chars.array(), chars.position(), chars.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                chars.position(chars.position() + n);
            }
        }
        chars.flip();
        bytes.clear();
        CoderResult result = encoder.encode(chars, bytes, endOfInput);
        if (endOfInput && !chars.hasRemaining()) {
            encoder.flush(bytes);
        }
        if (result.isError()) {
            chars.position(chars.position() + result.length());
        }
        chars.compact();
        bytes.flip();
        return bytes.hasRemaining() || !endOfInput || chars.position() > 0;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
