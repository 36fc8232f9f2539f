package io.vigil.ingest.xml;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts event XML text into one {@code <Event>…</Event>} piece per event, whatever surrounds them: a
 * single event, events concatenated without a root (what {@code wevtutil qe /f:xml} and
 * {@code Get-WinEvent | % ToXml} write, not well-formed as one document), or an {@code <Events>}
 * wrapper. Each piece is parsed on its own, so a malformed event costs only itself. Comments and
 * CDATA are respected while looking for the end tag. A piece is capped in size: beyond the cap its
 * text is dropped (and the piece reported) but the scan goes on to its end tag.
 */
final class EventChunkSplitter {

    /** One event's text, or why there is none. */
    record Chunk(String text, long startLine, Problem problem) {
    }

    enum Problem { NONE, TRUNCATED, TOO_LARGE }

    private final Reader reader;
    private final int maxChars;
    private final char[] buffer = new char[64 * 1024];
    private int filled;
    private int position;
    private long line = 1;
    private boolean pendingStart;

    EventChunkSplitter(Reader reader, int maxChars) {
        this.reader = reader;
        this.maxChars = maxChars;
    }

    /** The next event, or null at the end of the input. */
    Chunk next() throws IOException {
        if (!pendingStart && !findEventStart()) {
            return null;
        }
        pendingStart = false;
        long startLine = line;
        StringBuilder text = new StringBuilder(2048);
        boolean tooLarge = false;
        consume(text, "<Event".length());
        while (true) {
            int c = peek(0);
            if (c < 0) {
                return new Chunk(null, startLine, Problem.TRUNCATED);
            }
            if (c == '<') {
                if (startsWith("<![CDATA[")) {
                    tooLarge |= copyThrough(text, "]]>", tooLarge);
                    continue;
                }
                if (startsWith("<!--")) {
                    tooLarge |= copyThrough(text, "-->", tooLarge);
                    continue;
                }
                if (startsWith("</Event") && isTagNameEnd(peek(7))) {
                    tooLarge |= copyThrough(text, ">", tooLarge);
                    return tooLarge ? new Chunk(null, startLine, Problem.TOO_LARGE)
                            : new Chunk(text.toString(), startLine, Problem.NONE);
                }
                if (startsWith("<Event") && isTagNameEnd(peek(6))) {
                    // a new event began before this one ended: report this one, resume at the new one
                    pendingStart = true;
                    return new Chunk(null, startLine, Problem.TRUNCATED);
                }
            }
            tooLarge |= append(text, (char) take(), tooLarge);
        }
    }

    private boolean findEventStart() throws IOException {
        while (true) {
            int c = peek(0);
            if (c < 0) {
                return false;
            }
            if (c == '<') {
                if (startsWith("<!--")) {
                    copyThrough(null, "-->", true);
                    continue;
                }
                if (startsWith("<Event") && isTagNameEnd(peek(6))) {
                    return true;
                }
            }
            take();
        }
    }

    private static boolean isTagNameEnd(int c) {
        return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** Copies up to and including the terminator; true when the text outgrew the cap. */
    private boolean copyThrough(StringBuilder text, String terminator, boolean dropping) throws IOException {
        boolean tooLarge = dropping;
        while (peek(0) >= 0) {
            if (startsWith(terminator)) {
                for (int i = 0; i < terminator.length(); i++) {
                    tooLarge |= append(text, (char) take(), tooLarge);
                }
                return tooLarge;
            }
            tooLarge |= append(text, (char) take(), tooLarge);
        }
        return tooLarge;
    }

    private void consume(StringBuilder text, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            text.append((char) take());
        }
    }

    private boolean append(StringBuilder text, char c, boolean dropping) {
        if (text == null || dropping) {
            return dropping;
        }
        if (text.length() >= maxChars) {
            text.setLength(0);
            text.trimToSize();
            return true;
        }
        text.append(c);
        return false;
    }

    private boolean startsWith(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            if (peek(i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int take() throws IOException {
        int c = peek(0);
        if (c >= 0) {
            position++;
            if (c == '\n') {
                line++;
            }
        }
        return c;
    }

    /** The character {@code ahead} positions on, or -1 past the end. */
    private int peek(int ahead) throws IOException {
        while (position + ahead >= filled) {
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, filled - position);
                filled -= position;
                position = 0;
            }
            int n = reader.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                return -1;
            }
            filled += n;
        }
        return buffer[position + ahead];
    }
}
