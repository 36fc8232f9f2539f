package io.vigil.ingest.decode;

/**
 * A record that could not be decoded: where (source, and a line number or byte offset) and why.
 *
 * @param unit {@code line}, {@code offset} or {@code chunk}: what {@code position} counts
 */
public record DecodeError(String source, String unit, long position, String message) {

    public static DecodeError atLine(String source, long line, String message) {
        return new DecodeError(source, "line", line, message);
    }

    public static DecodeError atOffset(String source, long offset, String message) {
        return new DecodeError(source, "offset", offset, message);
    }

    /** For failures of a whole source (unreadable file, unknown format). */
    public static DecodeError ofSource(String source, String message) {
        return new DecodeError(source, "file", -1, message);
    }

    @Override
    public String toString() {
        if (position < 0) {
            return source + ": " + message;
        }
        return source + " " + unit + " " + position + ": " + message;
    }
}
