package io.vigil.ingest.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A timestamp as JSON exporters write it: {@code 2020-10-22 04:29:46}, {@code 2020-10-21 12:19:01.088},
 * {@code 2019-12-18T16:22:12.3112534Z}, {@code 2023-07-19T09:03:40.710+02:00}. {@link #zoned()} tells
 * whether the text named its zone; a text without one is a wall-clock reading in some local zone.
 */
record Timestamp(LocalDateTime local, ZoneOffset offset) {

    boolean zoned() {
        return offset != null;
    }

    /** The instant, reading a zone-less time as UTC. */
    Instant instantAssumingUtc() {
        return local.toInstant(offset != null ? offset : ZoneOffset.UTC);
    }

    /** Parses the forms above; null when the text is not one of them. */
    static Timestamp parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.length() < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':'
                || (s.charAt(10) != 'T' && s.charAt(10) != ' ' && s.charAt(10) != 't')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
            i++;
            int scale = 100_000_000;
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                if (scale > 0) {
                    nanos += (s.charAt(i) - '0') * scale;
                    scale /= 10;
                }
                i++;
            }
            if (i == start) {
                return null;
            }
        }
        ZoneOffset offset = null;
        if (i < s.length()) {
            offset = zone(s.substring(i).strip());
            if (offset == null) {
                return null;
            }
        }
        try {
            return new Timestamp(LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset zone(String z) {
        if (z.equals("Z") || z.equals("z") || z.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneOffset.of(z.length() == 5 && (z.charAt(0) == '+' || z.charAt(0) == '-')
                    ? z.substring(0, 3) + ":" + z.substring(3) : z);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
