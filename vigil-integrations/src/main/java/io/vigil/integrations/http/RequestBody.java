package io.vigil.integrations.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JSON or form body built straight into bytes, so credentials given as {@code char[]} never become
 * Strings; the caller wipes the bytes once the call is done.
 * Values: String, Boolean, Number, {@code char[]} (a secret, written as a string), or null.
 */
public final class RequestBody {

    private final String contentType;
    private final byte[] bytes;

    private RequestBody(String contentType, byte[] bytes) {
        this.contentType = contentType;
        this.bytes = bytes;
    }

    /** A flat JSON object from name/value pairs. */
    public static RequestBody json(Object... namesAndValues) {
        Sink out = new Sink();
        out.ascii("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                out.ascii(",");
            }
            jsonString(out, ((String) namesAndValues[i]).toCharArray());
            out.ascii(":");
            Object value = namesAndValues[i + 1];
            if (value == null) {
                out.ascii("null");
            } else if (value instanceof Boolean || value instanceof Number) {
                out.ascii(value.toString());
            } else if (value instanceof char[]) {
                jsonString(out, (char[]) value);
            } else {
                jsonString(out, value.toString().toCharArray());
            }
        }
        out.ascii("}");
        return new RequestBody("application/json", out.toBytes());
    }

    /** {@code application/x-www-form-urlencoded} from name/value pairs; null values are left out. */
    public static RequestBody form(Object... namesAndValues) {
        Sink out = new Sink();
        boolean first = true;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value == null) {
                continue;
            }
            if (!first) {
                out.ascii("&");
            }
            first = false;
            formEncode(out, ((String) namesAndValues[i]).toCharArray());
            out.ascii("=");
            formEncode(out, value instanceof char[] ? (char[]) value : value.toString().toCharArray());
        }
        return new RequestBody("application/x-www-form-urlencoded", out.toBytes());
    }

    public String contentType() {
        return contentType;
    }

    public byte[] bytes() {
        return bytes;
    }

    private static void jsonString(Sink out, char[] value) {
        out.ascii("\"");
        for (int i = 0; i < value.length; i++) {
            char c = value[i];
            if (c == '"' || c == '\\') {
                out.ascii("\\");
                out.utf8(c, value, i);
            } else if (c < 0x20) {
                out.ascii(String.format("\\u%04x", (int) c));
            } else {
                i = out.utf8(c, value, i);
            }
        }
        out.ascii("\"");
    }

    private static void formEncode(Sink out, char[] value) {
        for (int i = 0; i < value.length; i++) {
            char c = value[i];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '*') {
                out.put((byte) c);
            } else if (c == ' ') {
                out.put((byte) '+');
            } else {
                int start = out.size;
                i = out.utf8(c, value, i);
                byte[] encoded = Arrays.copyOfRange(out.buf, start, out.size);
                out.size = start;
                for (byte b : encoded) {
                    out.put((byte) '%');
                    out.put((byte) Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
                    out.put((byte) Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
                Arrays.fill(encoded, (byte) 0);
            }
        }
    }

    /** A growing byte buffer that wipes what it leaves behind. */
    private static final class Sink {
        byte[] buf = new byte[256];
        int size;

        void put(byte b) {
            if (size == buf.length) {
                byte[] bigger = Arrays.copyOf(buf, buf.length * 2);
                Arrays.fill(buf, (byte) 0);
                buf = bigger;
            }
            buf[size++] = b;
        }

        void ascii(String s) {
            for (byte b : s.getBytes(StandardCharsets.US_ASCII)) {
                put(b);
            }
        }

        /** Writes the code point starting at {@code value[i]} as UTF-8; returns the index of its last char. */
        int utf8(char c, char[] value, int i) {
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < value.length && Character.isLowSurrogate(value[i + 1])) {
                cp = Character.toCodePoint(c, value[++i]);
            }
            if (cp < 0x80) {
                put((byte) cp);
            } else if (cp < 0x800) {
                put((byte) (0xC0 | (cp >> 6)));
                put((byte) (0x80 | (cp & 0x3F)));
            } else if (cp < 0x10000) {
                put((byte) (0xE0 | (cp >> 12)));
                put((byte) (0x80 | ((cp >> 6) & 0x3F)));
                put((byte) (0x80 | (cp & 0x3F)));
            } else {
                put((byte) (0xF0 | (cp >> 18)));
                put((byte) (0x80 | ((cp >> 12) & 0x3F)));
                put((byte) (0x80 | ((cp >> 6) & 0x3F)));
                put((byte) (0x80 | (cp & 0x3F)));
            }
            return i;
        }

        byte[] toBytes() {
            byte[] out = Arrays.copyOf(buf, size);
            Arrays.fill(buf, (byte) 0);
            return out;
        }
    }
}
