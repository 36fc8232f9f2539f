package io.vigil.ingest.evtx;

import java.util.Arrays;

/**
 * What a compiled template definition depends on, so that the same definition written again in
 * another chunk (or file) can reuse it: the definition's bytes, except the parts that only say where
 * things are, plus the text of every name it refers to outside itself.
 * <p>
 * Name references are chunk offsets, so a definition written elsewhere differs there; an inline
 * name's first 4 bytes link it to the chunk's next name of the same hash, which is chunk-specific too.
 */
final class TemplateFingerprint {

    private static final int NAME_LINK_SIZE = 4;
    /** Where a name's length sits, relative to the name; the UTF-16 characters follow it. */
    private static final int NAME_LENGTH_AT = 6;

    private final byte[] definition;
    private final int[] positions;
    /** Per reference, the name's length and characters as stored; null for an inline name. */
    private final byte[][] externalNames;
    /** Per reference, an earlier reference to the same name (elements repeat "Data", "Name"), or -1. */
    private final int[] sameNameAs;

    private TemplateFingerprint(byte[] definition, int[] positions, byte[][] externalNames, int[] sameNameAs) {
        this.definition = definition;
        this.positions = positions;
        this.externalNames = externalNames;
        this.sameNameAs = sameNameAs;
    }

    /** The fingerprint of the definition compiled from {@code [start, end)} with these name references. */
    static TemplateFingerprint of(byte[] chunk, int start, int end, NameReferences references) {
        int count = references.count();
        int[] positions = new int[count];
        byte[][] externalNames = new byte[count][];
        int[] sameNameAs = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = references.position(i);
            sameNameAs[i] = -1;
            if (!references.isInline(i)) {
                int name = Bytes.i32(chunk, start + positions[i]);
                int length = 2 + 2 * Bytes.u16(chunk, name + NAME_LENGTH_AT);
                externalNames[i] = Arrays.copyOfRange(chunk, name + NAME_LENGTH_AT, name + NAME_LENGTH_AT + length);
                for (int earlier = 0; earlier < i && sameNameAs[i] < 0; earlier++) {
                    if (externalNames[earlier] != null && Bytes.i32(chunk, start + positions[earlier]) == name) {
                        sameNameAs[i] = earlier;
                    }
                }
            }
        }
        return new TemplateFingerprint(Arrays.copyOfRange(chunk, start, end), positions, externalNames, sameNameAs);
    }

    /** Whether {@code [start, end)} of this chunk compiles to the same template. */
    boolean matches(byte[] chunk, int start, int end) {
        if (end - start != definition.length) {
            return false;
        }
        int compared = 0;
        int[] references = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            int at = positions[i];
            if (!sameBytes(chunk, start, compared, at)) {
                return false;
            }
            int reference = references[i] = Bytes.i32(chunk, start + at);
            boolean inline = reference == start + at + 4;
            if (externalNames[i] == null) {
                if (!inline) {
                    return false;
                }
                compared = at + 4 + NAME_LINK_SIZE;
            } else {
                boolean verified = sameNameAs[i] >= 0 && references[sameNameAs[i]] == reference;
                if (inline || !verified && !sameName(chunk, reference, externalNames[i])) {
                    return false;
                }
                compared = at + 4;
            }
        }
        return sameBytes(chunk, start, compared, definition.length);
    }

    private boolean sameBytes(byte[] chunk, int start, int from, int to) {
        return Arrays.equals(chunk, start + from, start + to, definition, from, to);
    }

    private static boolean sameName(byte[] chunk, int name, byte[] expected) {
        int at = name + NAME_LENGTH_AT;
        return name >= 0 && at <= chunk.length - expected.length && Bytes.same(chunk, at, expected, 0, expected.length);
    }
}
