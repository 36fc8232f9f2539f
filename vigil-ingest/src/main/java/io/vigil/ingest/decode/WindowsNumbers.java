package io.vigil.ingest.decode;

/**
 * Numbers as Windows sources render them: decimal ({@code 23}), hex with or without padding
 * ({@code 0x17}, {@code 0x00000017}, {@code 0XC000006A}), surrounding blanks, and the {@code -} or
 * empty "no value" markers. Parsing never throws; {@link #NONE} means absent or unreadable.
 */
public final class WindowsNumbers {

    public static final long NONE = -1;

    private WindowsNumbers() {
    }

    public static long parse(String text) {
        if (text == null) {
            return NONE;
        }
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        if (start == end) {
            return NONE;
        }
        boolean hex = end - start > 2 && text.charAt(start) == '0'
                && (text.charAt(start + 1) == 'x' || text.charAt(start + 1) == 'X');
        if (hex) {
            start += 2;
            if (end - start > 16) {
                return NONE;
            }
            long v = 0;
            for (int i = start; i < end; i++) {
                int d = Character.digit(text.charAt(i), 16);
                if (d < 0) {
                    return NONE;
                }
                v = (v << 4) | d;
            }
            return v;
        }
        boolean negative = text.charAt(start) == '-';
        if (negative) {
            start++;
            if (start == end) {
                return NONE;
            }
        }
        if (end - start > 19) {
            return NONE;
        }
        long v = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return NONE;
            }
            v = v * 10 + (c - '0');
            if (v < 0) {
                return NONE;
            }
        }
        return negative ? -v : v;
    }

    /** As {@link #parse} for values that fit an int (EventID, encryption type, logon type). */
    public static int parseInt(String text) {
        long v = parse(text);
        return v < Integer.MIN_VALUE || v > 0xFFFFFFFFL ? (int) NONE : (int) v;
    }
}
