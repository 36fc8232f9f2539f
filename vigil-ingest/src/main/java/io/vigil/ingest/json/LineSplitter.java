package io.vigil.ingest.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding them, reusing one buffer. A line longer than the
 * cap is not buffered: the splitter reports it as {@link #tooLong()} and discards bytes up to the
 * next newline, so memory stays bounded whatever the input.
 *
 * <p>The buffer is also offered as a Latin-1 string ({@link #text()}, one byte per char at the same
 * offsets), because {@code String.indexOf} is vectorised by the JVM and byte loops are not: finding
 * newlines and keys that way is several times faster.
 */
final class LineSplitter {

    private final InputStream input;
    private final int maxLineBytes;
    private byte[] buffer;
    private String text = "";
    private long generation;
    private int filled;
    private int position;
    private boolean endOfInput;
    private boolean discardedAny;

    private long lineNumber;
    private int lineStart;
    private int lineLength;
    private boolean tooLong;

    LineSplitter(InputStream input, int maxLineBytes) {
        this.input = input;
        this.maxLineBytes = maxLineBytes;
        this.buffer = new byte[Math.min(1024 * 1024, maxLineBytes + 1)];
    }

    /** Advances to the next line; false at the end of the input. */
    boolean next() throws IOException {
        tooLong = false;
        int scanFrom = position;
        while (true) {
            int newline = indexOfNewline(scanFrom, filled);
            if (newline >= 0) {
                lineNumber++;
                lineStart = position;
                lineLength = trimCarriageReturn(position, newline);
                position = newline + 1;
                return true;
            }
            if (endOfInput) {
                if (position == filled) {
                    return false;
                }
                lineNumber++;
                lineStart = position;
                lineLength = filled - position;
                position = filled;
                return true;
            }
            if (filled - position >= maxLineBytes) {
                skipRestOfLine();
                return true;
            }
            scanFrom = filled - position;
            makeRoom();
            scanFrom += position;
            fill();
        }
    }

    byte[] buffer() {
        return buffer;
    }

    /** The buffer as Latin-1 text: {@code text().charAt(i) == (char) (buffer()[i] & 0xFF)} for the current line. */
    String text() {
        return text;
    }

    /** Changes whenever {@link #text()} is replaced, so callers can drop positions they cached. */
    long generation() {
        return generation;
    }

    int lineStart() {
        return lineStart;
    }

    int lineLength() {
        return lineLength;
    }

    long lineNumber() {
        return lineNumber;
    }

    /** The current line exceeded the cap; its bytes are not available. */
    boolean tooLong() {
        return tooLong;
    }

    /** True while no byte of the input has been dropped, so {@link #consumedSoFar} is the whole prefix. */
    boolean hasWholePrefix() {
        return !discardedAny;
    }

    /** Every byte read from the input so far, valid only while {@link #hasWholePrefix()}. */
    byte[] consumedSoFar() {
        return Arrays.copyOf(buffer, filled);
    }

    private void skipRestOfLine() throws IOException {
        lineNumber++;
        tooLong = true;
        lineStart = 0;
        lineLength = 0;
        discardedAny = true;
        while (true) {
            int newline = indexOfNewline(position, filled);
            if (newline >= 0) {
                position = newline + 1;
                return;
            }
            position = filled;
            if (endOfInput) {
                return;
            }
            makeRoom();
            fill();
        }
    }

    private void makeRoom() {
        if (position > 0) {
            discardedAny = true;
            System.arraycopy(buffer, position, buffer, 0, filled - position);
            filled -= position;
            position = 0;
        }
        if (filled == buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, maxLineBytes + 1L));
        }
    }

    /** Reads until the buffer is full, the input ends, or no more input is ready (a live pipe). */
    private void fill() throws IOException {
        do {
            int n = input.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                endOfInput = true;
                break;
            }
            filled += n;
        } while (filled < buffer.length && input.available() > 0);
        text = new String(buffer, 0, filled, StandardCharsets.ISO_8859_1);
        generation++;
    }

    private int indexOfNewline(int from, int to) {
        int newline = text.indexOf('\n', from);
        return newline >= 0 && newline < to ? newline : -1;
    }

    private int trimCarriageReturn(int start, int newline) {
        int end = newline;
        if (end > start && buffer[end - 1] == '\r') {
            end--;
        }
        return end - start;
    }
}
