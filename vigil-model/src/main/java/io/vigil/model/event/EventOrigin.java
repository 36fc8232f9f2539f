package io.vigil.model.event;

/**
 * Where an event was read: a source (file path, inner archive entry, stream name) and a position in
 * it (line number for text, record offset for binary sources).
 */
public record EventOrigin(String source, long position) {

    public static final EventOrigin UNKNOWN = new EventOrigin("unknown", -1);

    @Override
    public String toString() {
        return position < 0 ? source : source + ":" + position;
    }
}
