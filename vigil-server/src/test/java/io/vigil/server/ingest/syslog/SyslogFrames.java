package io.vigil.server.ingest.syslog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What a log forwarder sends: syslog messages carrying events, framed for TCP. */
public final class SyslogFrames {

    private SyslogFrames() {
    }

    /** RFC 5424 messages carrying JSON events, framed by octet counting (RFC 6587 3.4.1). */
    public static byte[] octetCounted(List<String> jsonLines) {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (String line : jsonLines) {
            byte[] message = ("<13>1 2020-10-22T08:29:48.785Z wec01.example.org winlogbeat 696 - - " + line)
                    .getBytes(StandardCharsets.UTF_8);
            frames.writeBytes((message.length + " ").getBytes(StandardCharsets.US_ASCII));
            frames.writeBytes(message);
        }
        return frames.toByteArray();
    }
}
