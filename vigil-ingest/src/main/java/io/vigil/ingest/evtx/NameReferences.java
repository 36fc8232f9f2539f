package io.vigil.ingest.evtx;

import java.util.Arrays;

/**
 * Where a template definition refers to names, as positions relative to the definition's start:
 * what a {@link TemplateFingerprint} needs to recognise the same definition at another place.
 */
final class NameReferences {

    private int[] encoded = new int[16];
    private int count;

    /** The 4-byte reference at {@code position}; inline when the name is stored right after it. */
    void add(int position, boolean inline) {
        if (count == encoded.length) {
            encoded = Arrays.copyOf(encoded, 2 * count);
        }
        encoded[count++] = position << 1 | (inline ? 1 : 0);
    }

    int count() {
        return count;
    }

    int position(int i) {
        return encoded[i] >>> 1;
    }

    boolean isInline(int i) {
        return (encoded[i] & 1) != 0;
    }
}
