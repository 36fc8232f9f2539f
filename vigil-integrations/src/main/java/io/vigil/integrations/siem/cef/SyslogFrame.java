package io.vigil.integrations.siem.cef;

import io.vigil.model.alert.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An RFC 5424 syslog message around a CEF payload:
 * {@code <PRI>1 TIMESTAMP HOSTNAME Vigil - CEF - MSG}, the facility configurable and the syslog
 * severity following the alert's (high error, medium warning, low notice, informational info).
 */
final class SyslogFrame {

    private SyslogFrame() {
    }

    static byte[] message(int facility, Severity severity, Instant time, String hostName, String cef) {
        int pri = facility * 8 + syslogSeverity(severity);
        String text = "<" + pri + ">1 " + time.truncatedTo(ChronoUnit.MILLIS) + " " + token(hostName) + " Vigil - CEF - " + cef;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code LEN SP MSG}: octet counting, so a message may hold any byte, line breaks included. */
    static byte[] octetCounted(byte[] message) {
        byte[] prefix = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + message.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(message, 0, out, prefix.length, message.length);
        return out;
    }

    static int syslogSeverity(Severity severity) {
        return switch (severity) {
            case HIGH -> 3;
            case MEDIUM -> 4;
            case LOW -> 5;
            case INFORMATIONAL -> 6;
        };
    }

    /** A header field is printable ASCII without spaces, or "-" when empty. */
    private static String token(String value) {
        if (value == null || value.isBlank()) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            out.append(c > 32 && c < 127 ? c : '_');
        }
        return out.length() > 255 ? out.substring(0, 255) : out.toString();
    }
}
