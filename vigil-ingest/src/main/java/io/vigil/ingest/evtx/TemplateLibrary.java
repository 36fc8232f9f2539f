package io.vigil.ingest.evtx;

import java.util.HashMap;
import java.util.Map;

/**
 * Compiled template definitions kept across chunks and files. Every chunk writes its own copy of
 * each definition it uses, and most chunks hold few records, so compiling them once per chunk would
 * cost more than the records; a copy is matched by its GUID and size, then verified byte by byte
 * through its {@link TemplateFingerprint}. Confined to one thread; bounded by {@link #MAX_DEFINITIONS}.
 */
final class TemplateLibrary {

    static final int MAX_DEFINITIONS = 4096;
    private static final int GUID_AT = 4;

    private record Key(long guidStart, long guidEnd, int size) {
    }

    private record Known(TemplateFingerprint fingerprint, CompiledTemplate template, Known other) {
    }

    private final Map<Key, Known> byKey = new HashMap<>();
    private int size;

    /** A template compiled earlier from the same definition as the one at {@code definition}, or null. */
    CompiledTemplate find(byte[] chunk, int definition, int start, int end) {
        for (Known known = byKey.get(key(chunk, definition, end - start)); known != null; known = known.other()) {
            if (known.fingerprint().matches(chunk, start, end)) {
                return known.template();
            }
        }
        return null;
    }

    void add(byte[] chunk, int definition, int start, int end, NameReferences references, CompiledTemplate template) {
        if (size == MAX_DEFINITIONS) {
            byKey.clear();
            size = 0;
        }
        Key key = key(chunk, definition, end - start);
        byKey.put(key, new Known(TemplateFingerprint.of(chunk, start, end, references), template, byKey.get(key)));
        size++;
    }

    private static Key key(byte[] chunk, int definition, int size) {
        return new Key(Bytes.i64(chunk, definition + GUID_AT), Bytes.i64(chunk, definition + GUID_AT + 8), size);
    }
}
