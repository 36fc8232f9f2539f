package io.vigil.ingest.json;

import java.nio.charset.StandardCharsets;

/**
 * Finds a JSON line's EventID and channel without parsing it, so lines the filter rejects cost a few
 * vectorised searches. It looks for the keys every dialect uses ({@code "EventID"},
 * {@code "event_id"}; {@code "Channel"}, {@code "channel"}, {@code "log_name"}) followed by a colon. A
 * key inside a string value cannot match: its quotes would be escaped. The answer is only trusted when
 * unambiguous (each key once, a plain value); otherwise the caller parses the line.
 *
 * <p>Searches run on the splitter's Latin-1 view of its buffer. The next position of each key is
 * remembered, so a key missing from the whole buffer is searched for once per buffer, not per line.
 */
final class EventKeyScanner {

    static final int UNKNOWN = Integer.MIN_VALUE;

    private static final String[] KEYS = {"\"EventID\"", "\"event_id\"", "\"Channel\"", "\"channel\"", "\"log_name\""};
    private static final int FIRST_CHANNEL_KEY = 2;
    private static final int NOT_SEARCHED = -2;

    private final int[] next = new int[KEYS.length];
    private long generation = -1;

    private LineSplitter lines;
    private int eventId;
    private String channel;
    private boolean ambiguous;
    private boolean channelScanned;

    /** Finds the EventID of the line {@code [start, end)} of the splitter's current buffer. */
    void scan(LineSplitter lines) {
        if (lines.generation() != generation) {
            generation = lines.generation();
            java.util.Arrays.fill(next, NOT_SEARCHED);
        }
        eventId = UNKNOWN;
        channel = null;
        ambiguous = false;
        channelScanned = false;
        this.lines = lines;
        scanKeys(0, FIRST_CHANNEL_KEY);
    }

    /** Reads the channel of the line last scanned, only when asked: most lines are decided by EventID. */
    private void scanChannel() {
        if (!channelScanned) {
            channelScanned = true;
            scanKeys(FIRST_CHANNEL_KEY, KEYS.length);
        }
    }

    private void scanKeys(int firstKey, int endKey) {
        String text = lines.text();
        byte[] bytes = lines.buffer();
        int start = lines.lineStart();
        int end = start + lines.lineLength();
        for (int k = firstKey; k < endKey && !ambiguous; k++) {
            int at = occurrence(text, k, start);
            while (at >= 0 && at < end && !ambiguous) {
                int value = valueStart(bytes, at + KEYS[k].length(), end);
                if (value >= 0) {
                    if (k < FIRST_CHANNEL_KEY) {
                        readEventId(bytes, value, end);
                    } else {
                        readChannel(bytes, value, end);
                    }
                }
                next[k] = text.indexOf(KEYS[k], at + 1);
                at = next[k];
            }
        }
    }

    /** The EventID, or {@link #UNKNOWN} when it was not found or not trusted. */
    int eventId() {
        return ambiguous ? UNKNOWN : eventId;
    }

    /** Whether the line's keys were ambiguous once its channel was read too (then the caller parses it). */
    boolean channelAmbiguous() {
        scanChannel();
        return ambiguous;
    }

    /** The channel; empty when the line has none. */
    String channel() {
        scanChannel();
        return channel == null ? "" : channel;
    }

    private int occurrence(String text, int key, int from) {
        int at = next[key];
        if (at == NOT_SEARCHED || (at >= 0 && at < from)) {
            at = text.indexOf(KEYS[key], from);
            next[key] = at;
        }
        return at;
    }

    private void readEventId(byte[] line, int at, int end) {
        if (eventId != UNKNOWN) {
            ambiguous = true;
            return;
        }
        boolean quoted = line[at] == '"';
        int i = quoted ? at + 1 : at;
        long id = 0;
        int digits = 0;
        while (i < end && line[i] >= '0' && line[i] <= '9' && digits < 10) {
            id = id * 10 + (line[i] - '0');
            i++;
            digits++;
        }
        boolean terminated = i < end && (quoted ? line[i] == '"' : !isNumberByte(line[i]));
        if (digits == 0 || !terminated || id > 0xFFFF) {
            ambiguous = true; // hex, qualifiers, an object: let the full parse decide
            return;
        }
        eventId = (int) id;
    }

    private void readChannel(byte[] line, int at, int end) {
        if (channel != null || line[at] != '"') {
            ambiguous = true;
            return;
        }
        for (int i = at + 1; i < end; i++) {
            if (line[i] == '\\') {
                break;
            }
            if (line[i] == '"') {
                channel = new String(line, at + 1, i - at - 1, StandardCharsets.UTF_8);
                return;
            }
        }
        ambiguous = true;
    }

    private static boolean isNumberByte(byte b) {
        return (b >= '0' && b <= '9') || b == '.' || b == 'e' || b == 'E' || b == '-' || b == '+';
    }

    /** Index of the value after the key's colon, or -1 when the quoted text was a value, not a key. */
    private static int valueStart(byte[] line, int i, int end) {
        i = skipBlanks(line, i, end);
        if (i >= end || line[i] != ':') {
            return -1;
        }
        i = skipBlanks(line, i + 1, end);
        return i < end ? i : -1;
    }

    private static int skipBlanks(byte[] line, int i, int end) {
        while (i < end && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\n')) {
            i++;
        }
        return i;
    }
}
