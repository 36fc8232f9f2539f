package io.vigil.simulators.syslog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses CEF as a SIEM's CommonSecurityLog parser reads it: seven pipe-separated header fields
 * ({@code \|} and {@code \\} escaped), then {@code key=value} extensions separated by spaces, where a
 * value runs until the next unescaped {@code key=} and {@code \=}, {@code \\}, {@code \n}, {@code \r}
 * are unescaped.
 */
public final class CefParser {

    private CefParser() {
    }

    /** @throws IllegalArgumentException when the text is not CEF */
    public static CefEvent parse(String text) {
        if (!text.startsWith("CEF:")) {
            throw new IllegalArgumentException("not CEF: " + text);
        }
        List<String> header = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 4;
        while (i < text.length() && header.size() < 7) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '|' || text.charAt(i + 1) == '\\')) {
                field.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '|') {
                header.add(field.toString());
                field.setLength(0);
                i++;
            } else {
                field.append(c);
                i++;
            }
        }
        if (header.size() < 7) {
            throw new IllegalArgumentException("CEF header has " + header.size() + " of 7 fields: " + text);
        }
        return new CefEvent(Integer.parseInt(header.get(0)), header.get(1), header.get(2), header.get(3), header.get(4),
                header.get(5), header.get(6), extensions(text.substring(i)));
    }

    private static Map<String, String> extensions(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("extension without '=': " + text.substring(i));
            }
            String key = text.substring(i, eq).trim();
            if (key.isEmpty() || !key.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '.')) {
                throw new IllegalArgumentException("bad extension key '" + key + "'");
            }
            StringBuilder value = new StringBuilder();
            int j = eq + 1;
            int valueEnd = text.length();
            while (j < text.length()) {
                char c = text.charAt(j);
                if (c == '\\' && j + 1 < text.length()) {
                    char n = text.charAt(j + 1);
                    value.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
                    j += 2;
                    continue;
                }
                if (c == '=') {
                    throw new IllegalArgumentException("unescaped '=' in the value of " + key);
                }
                if (c == ' ' && nextIsKey(text, j + 1)) {
                    valueEnd = j;
                    break;
                }
                value.append(c);
                j++;
            }
            out.put(key, value.toString());
            i = valueEnd == text.length() ? text.length() : valueEnd + 1;
        }
        return out;
    }

    /** Whether a {@code key=} starts at {@code from}. */
    private static boolean nextIsKey(String text, int from) {
        int k = from;
        while (k < text.length() && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '_' || text.charAt(k) == '.')) {
            k++;
        }
        return k > from && k < text.length() && text.charAt(k) == '=';
    }
}
