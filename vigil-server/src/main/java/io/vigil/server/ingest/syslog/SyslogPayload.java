package io.vigil.server.ingest.syslog;

/**
 * The event a syslog MSG carries: a JSON event, flattened onto one line so that it can join a JSON
 * lines batch (a line break can only be whitespace between JSON tokens, never inside a string), or
 * Windows event XML.
 */
record SyslogPayload(boolean json, byte[] bytes) {

    static SyslogPayload of(byte[] msg) throws MalformedSyslogException {
        if (msg[0] == '{') {
            byte[] line = msg.clone();
            for (int i = 0; i < line.length; i++) {
                if (line[i] == '\n' || line[i] == '\r') {
                    line[i] = ' ';
                }
            }
            return new SyslogPayload(true, line);
        }
        if (msg[0] == '<') {
            return new SyslogPayload(false, msg);
        }
        throw new MalformedSyslogException("MSG is neither Windows event XML nor a JSON event");
    }
}
