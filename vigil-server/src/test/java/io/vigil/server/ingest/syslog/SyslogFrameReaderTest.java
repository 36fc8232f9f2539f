package io.vigil.server.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyslogFrameReaderTest {

    private static List<String> frames(SyslogFrameReader reader) throws IOException {
        List<String> frames = new ArrayList<>();
        for (SyslogFrameReader.Frame f = reader.next(); f != null; f = reader.next()) {
            frames.add(f.bytes() != null ? new String(f.bytes(), StandardCharsets.UTF_8) : "DROPPED " + f.problem());
        }
        return frames;
    }

    private static SyslogFrameReader reader(String stream, int max) {
        return new SyslogFrameReader(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), max);
    }

    @Test
    void octetCountingAndLineFramingMayBeMixed() throws IOException {
        assertThat(frames(reader("5 <1>ab<2>line one\r\n3 <3>\n<4>last without LF", 100)))
                .containsExactly("<1>ab", "<2>line one\r", "<3>", "<4>last without LF");
    }

    @Test
    void anOctetCountedMessageMayHoldLineBreaks() throws IOException {
        assertThat(frames(reader("6 <1>a\nb\n", 100))).containsExactly("<1>a\nb");
    }

    @Test
    void oversizedMessagesAreSkippedAndTheNextOneIsRead() throws IOException {
        assertThat(frames(reader("19 <1>0123456789abcdef<2>ok\n<3>" + "x".repeat(50) + "\n<4>ok\n", 10)))
                .containsExactly("DROPPED message of 19 bytes is larger than the limit of 10", "<2>ok",
                        "DROPPED message longer than the limit of 10 bytes", "<4>ok");
    }

    @Test
    void aTimeoutInsideAFrameLosesNothing() throws IOException {
        InputStream stalling = new InputStream() {
            private final byte[] data = "11 <1>hello<2>x\n".getBytes(StandardCharsets.US_ASCII);
            private int position;
            private boolean stalled;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position == 6 && !stalled) {
                    stalled = true;
                    throw new SocketTimeoutException();
                }
                if (position == data.length) {
                    return -1;
                }
                int n = Math.min(len, position < 6 ? 6 - position : data.length - position);
                System.arraycopy(data, position, b, off, n);
                position += n;
                return n;
            }
        };
        SyslogFrameReader reader = new SyslogFrameReader(stalling, 100);
        try {
            reader.next();
        } catch (SocketTimeoutException expected) {
            // the sender paused mid-frame
        }
        assertThat(frames(reader)).containsExactly("<1>hello<2>", "x");
    }
}
