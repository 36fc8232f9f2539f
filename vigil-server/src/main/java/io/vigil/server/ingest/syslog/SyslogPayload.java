package io.vigil.server.ingest.syslog;

/**
 * The event a syslog MSG carries: a JSON event, flattened onto one line so that the JSON lines
 * decoder reads it as one record (a line break can only be whitespace between JSON tokens, never
 * inside a string), or Windows event XML as it is.
 */
final class SyslogPayload {

    private SyslogPayload() {
    }

    static byte[] eventBytes(byte[] msg) throws MalformedSyslogException {
        if (msg[0] == '{') {
            byte[] line = msg.clone();
            for (int i = 0; i < line.length; i++) {
                if (line[i] == '\n' || line[i] == '\r') {
                    line[i] = ' ';
                }
            }
            return line;
        }
        if (msg[0] == '<') {
            return msg;
        }
        throw new MalformedSyslogException("MSG is neither Windows event XML nor a JSON event");
    }
}
