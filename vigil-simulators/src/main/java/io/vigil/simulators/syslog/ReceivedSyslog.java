package io.vigil.simulators.syslog;

/**
 * An RFC 5424 message as received.
 *
 * @param transport {@code tcp}, {@code tls} or {@code udp}
 */
public record ReceivedSyslog(String transport, int facility, int severity, int version, String timestamp, String hostName,
                             String appName, String procId, String msgId, String structuredData, String message) {

    /** Parses {@code <PRI>VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP SD SP MSG}. */
    public static ReceivedSyslog parse(String transport, String text) {
        if (!text.startsWith("<")) {
            throw new IllegalArgumentException("no PRI: " + text);
        }
        int close = text.indexOf('>');
        int pri = Integer.parseInt(text.substring(1, close));
        String[] parts = text.substring(close + 1).split(" ", 8);
        if (parts.length < 8) {
            throw new IllegalArgumentException("not RFC 5424: " + text);
        }
        if (!"-".equals(parts[6])) {
            throw new IllegalArgumentException("structured data is not supported here: " + text);
        }
        return new ReceivedSyslog(transport, pri / 8, pri % 8, Integer.parseInt(parts[0]), parts[1], parts[2], parts[3],
                parts[4], parts[5], parts[6], parts[7]);
    }
}
