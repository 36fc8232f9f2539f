package io.vigil.ingest.evtx;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The last value of one string field, handed out again while the field's bytes stay the same:
 * provider, channel and computer are the same in almost every record of a chunk.
 */
final class RepeatedString {

    private final UnaryOperator<String> spelling;
    private byte[] bytes = new byte[0];
    private String text;

    RepeatedString() {
        this(UnaryOperator.identity());
    }

    /** @param spelling applied to each new value, e.g. to give a channel its canonical spelling once */
    RepeatedString(UnaryOperator<String> spelling) {
        this.spelling = spelling;
    }

    /** The rendering of the string value {@code [offset, offset + size)}. */
    String of(byte[] chunk, int offset, int size, Utf16 decoder) {
        if (text != null && size == bytes.length && Bytes.same(chunk, offset, bytes, 0, size)) {
            return text;
        }
        text = spelling.apply(ValueRenderer.utf16(chunk, offset, size, decoder));
        bytes = Arrays.copyOfRange(chunk, offset, offset + size);
        return text;
    }
}
