package io.vigil.server.ingest.syslog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the header of an RFC 5424 ({@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG}) or RFC 3164
 * ({@code <PRI>Mmm dd hh:mm:ss HOST TAG: MSG}) message and returns its MSG as the payload. RFC 3164 is
 * a description of practice rather than a grammar, so its parsing is lenient: the host may be
 * missing, the timestamp may be ISO 8601 (rsyslog's high-precision format), and the tag may be absent.
 */
final class SyslogParser {

    private static final int MAX_PRI = 191;

    private SyslogParser() {
    }

    static SyslogMessage parse(byte[] frame) throws MalformedSyslogException {
        Cursor c = new Cursor(frame);
        c.priority();
        return c.peek() == '1' && c.peekAt(1) == ' ' ? rfc5424(c) : rfc3164(c);
    }

    private static SyslogMessage rfc5424(Cursor c) throws MalformedSyslogException {
        c.skip(2);
        String timestamp = nil(c.token("TIMESTAMP"));
        String host = nil(c.token("HOSTNAME"));
        String app = nil(c.token("APP-NAME"));
        c.token("PROCID");
        c.token("MSGID");
        c.structuredData();
        return new SyslogMessage(host, app, timestamp, c.payload());
    }

    private static SyslogMessage rfc3164(Cursor c) throws MalformedSyslogException {
        String timestamp = c.bsdTimestamp();
        String host = null;
        String app = null;
        if (!c.atPayloadStart()) {
            String first = c.peekToken();
            if (!isTag(first)) {
                host = c.token("HOSTNAME");
            }
        }
        if (!c.atPayloadStart()) {
            app = c.tag();
        }
        return new SyslogMessage(host, app, timestamp, c.payload());
    }

    /** A TAG ends in ':' or carries a {@code [pid]}; a HOSTNAME does neither. */
    private static boolean isTag(String token) {
        return token.endsWith(":") || token.indexOf('[') > 0;
    }

    private static String nil(String value) {
        return value.equals("-") ? null : value;
    }

    /** A position in the frame with the small reads the two grammars share. */
    private static final class Cursor {
        private final byte[] b;
        private int i;

        Cursor(byte[] frame) {
            this.b = frame;
        }

        int peek() {
            return peekAt(0);
        }

        int peekAt(int ahead) {
            return i + ahead < b.length ? b[i + ahead] : -1;
        }

        void skip(int n) {
            i += n;
        }

        void priority() throws MalformedSyslogException {
            if (peek() != '<') {
                throw new MalformedSyslogException("does not start with a <PRI>");
            }
            int value = 0;
            int digits = 0;
            i++;
            while (peek() >= '0' && peek() <= '9' && digits < 3) {
                value = value * 10 + (b[i++] - '0');
                digits++;
            }
            if (digits == 0 || peek() != '>' || value > MAX_PRI) {
                throw new MalformedSyslogException("invalid <PRI>");
            }
            i++;
        }

        /** A space-terminated header field; the space is consumed. */
        String token(String field) throws MalformedSyslogException {
            int start = i;
            while (i < b.length && b[i] != ' ') {
                i++;
            }
            if (i == start || i >= b.length) {
                throw new MalformedSyslogException("missing " + field);
            }
            return new String(b, start, i++ - start, StandardCharsets.US_ASCII);
        }

        String peekToken() {
            int end = i;
            while (end < b.length && b[end] != ' ') {
                end++;
            }
            return new String(b, i, end - i, StandardCharsets.US_ASCII);
        }

        /** {@code -} or one or more {@code [id param="value" …]}, where a value may escape {@code ]} and {@code "}. */
        void structuredData() throws MalformedSyslogException {
            if (peek() == '-') {
                i++;
                return;
            }
            if (peek() != '[') {
                throw new MalformedSyslogException("missing STRUCTURED-DATA");
            }
            while (peek() == '[') {
                boolean quoted = false;
                i++;
                while (true) {
                    int c = peek();
                    if (c < 0) {
                        throw new MalformedSyslogException("unterminated STRUCTURED-DATA");
                    }
                    i++;
                    if (quoted && c == '\\') {
                        i++;
                    } else if (c == '"') {
                        quoted = !quoted;
                    } else if (c == ']' && !quoted) {
                        break;
                    }
                }
            }
        }

        /** {@code Mmm dd hh:mm:ss } (day space-padded), or an ISO 8601 timestamp token. */
        String bsdTimestamp() throws MalformedSyslogException {
            if (i + 16 <= b.length && Character.isLetter(b[i]) && b[i + 3] == ' ' && b[i + 6] == ' '
                    && b[i + 9] == ':' && b[i + 12] == ':' && b[i + 15] == ' ') {
                String timestamp = new String(b, i, 15, StandardCharsets.US_ASCII);
                i += 16;
                return timestamp;
            }
            if (peek() >= '0' && peek() <= '9') {
                return token("TIMESTAMP");
            }
            return null;
        }

        /** TAG, optionally {@code [pid]}, then {@code :}; the blank after it is skipped with the payload's. */
        String tag() {
            int start = i;
            while (i < b.length && b[i] != ':' && b[i] != '[' && b[i] != ' ') {
                i++;
            }
            String tag = new String(b, start, i - start, StandardCharsets.US_ASCII);
            if (peek() == '[') {
                while (i < b.length && b[i] != ']') {
                    i++;
                }
                i++;
            }
            if (peek() == ':') {
                i++;
            }
            return tag.isEmpty() ? null : tag;
        }

        boolean atPayloadStart() {
            int c = peek();
            return c == '{' || c == '<' || c == (byte) 0xEF;
        }

        byte[] payload() throws MalformedSyslogException {
            int start = skipBlanks(i);
            int end = b.length;
            if (end - start >= 3 && b[start] == (byte) 0xEF && b[start + 1] == (byte) 0xBB && b[start + 2] == (byte) 0xBF) {
                start = skipBlanks(start + 3);
            }
            while (end > start && isBlank(b[end - 1])) {
                end--;
            }
            if (start == end) {
                throw new MalformedSyslogException("empty MSG");
            }
            return Arrays.copyOfRange(b, start, end);
        }

        private int skipBlanks(int from) {
            while (from < b.length && isBlank(b[from])) {
                from++;
            }
            return from;
        }

        private static boolean isBlank(byte c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0;
        }
    }
}
