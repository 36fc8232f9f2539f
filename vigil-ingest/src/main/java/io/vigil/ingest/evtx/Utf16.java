package io.vigil.ingest.evtx;

import java.nio.charset.StandardCharsets;

/**
 * UTF-16LE to String without a {@link java.nio.charset.CharsetDecoder}: the JDK decodes UTF-16
 * through a fresh decoder per string, which costs more than parsing the rest of a record.
 * Unpaired surrogates are kept as they are, as Windows keeps them.
 */
final class Utf16 {

    private Utf16() {
    }

    static String decode(byte[] b, int offset, int byteLength) {
        int chars = byteLength >> 1;
        Bytes.check(b, offset, 2 * chars);
        // most event text is Latin-1: narrow it in one pass and let String keep it compact
        byte[] narrow = new byte[chars];
        int high = 0;
        for (int i = 0, at = offset; i < chars; i++, at += 2) {
            narrow[i] = b[at];
            high |= b[at + 1];
        }
        if (high == 0) {
            return new String(narrow, StandardCharsets.ISO_8859_1);
        }
        char[] wide = new char[chars];
        for (int i = 0, at = offset; i < chars; i++, at += 2) {
            wide[i] = (char) ((b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8);
        }
        return new String(wide);
    }
}
