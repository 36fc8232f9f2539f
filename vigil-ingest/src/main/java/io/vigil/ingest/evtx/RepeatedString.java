package io.vigil.ingest.evtx;

import java.util.Arrays;

/**
 * The last value of one string field, handed out again while the field's bytes stay the same:
 * provider, channel and computer are the same in almost every record of a chunk.
 */
final class RepeatedString {

    private byte[] bytes = new byte[0];
    private String text;

    /** The rendering of the string value {@code [offset, offset + size)}. */
    String of(byte[] chunk, int offset, int size, Utf16 decoder) {
        if (text != null && size == bytes.length && Arrays.equals(chunk, offset, offset + size, bytes, 0, size)) {
            return text;
        }
        text = ValueRenderer.utf16(chunk, offset, size, decoder);
        bytes = Arrays.copyOfRange(chunk, offset, offset + size);
        return text;
    }
}
