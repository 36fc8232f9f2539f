package io.vigil.server.ingest.syslog;

/**
 * One syslog message: the header fields as the sender wrote them, and the MSG part, which carries a
 * Windows event (event XML or a JSON event). The timestamp stays text: event time comes from the
 * event itself, and an RFC 3164 timestamp has no year or zone to make an instant from.
 *
 * @param host      HOSTNAME, or null when the sender left it out
 * @param app       APP-NAME (RFC 5424) or TAG (RFC 3164), or null
 * @param timestamp TIMESTAMP as written, or null ({@code -} in RFC 5424)
 * @param payload   the MSG bytes without surrounding blanks or a UTF-8 BOM
 */
record SyslogMessage(String host, String app, String timestamp, byte[] payload) {
}
