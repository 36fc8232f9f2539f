package io.vigil.server.ingest.syslog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a TCP syslog stream into messages (RFC 6587), telling the two framings apart by each frame's
 * first byte: a digit starts octet counting ({@code 123 <PRI>…}), anything else is non-transparent
 * framing ended by LF. A sender may mix them. A message larger than the bound is skipped and reported,
 * without buffering it. The reader keeps its state between calls, so a read timeout (used to flush
 * pending messages while a sender is quiet) can interrupt a frame and the next call goes on with it.
 */
final class SyslogFrameReader {

    /** A message, or why the bytes where one should have been were dropped ({@code fatal}: framing is lost). */
    record Frame(byte[] bytes, String problem, boolean fatal) {
        static Frame message(byte[] bytes) {
            return new Frame(bytes, null, false);
        }

        static Frame dropped(String problem, boolean fatal) {
            return new Frame(null, problem, fatal);
        }
    }

    private enum State { START, LENGTH, OCTETS, LINE, SKIP_OCTETS, SKIP_LINE }

    private static final int MAX_LENGTH_DIGITS = 10;

    private final InputStream in;
    private final int maxMessageBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private int position;
    private int limit;
    private State state = State.START;
    private long length;
    private int lengthDigits;

    SyslogFrameReader(InputStream in, int maxMessageBytes) {
        this.in = in;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The next frame, or null at the end of the stream. */
    Frame next() throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                return endOfStream();
            }
            Frame done = switch (state) {
                case START -> start();
                case LENGTH -> length();
                case OCTETS -> octets();
                case LINE -> line();
                case SKIP_OCTETS -> skipOctets();
                case SKIP_LINE -> skipLine();
            };
            if (done != null) {
                return done;
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private Frame endOfStream() {
        if (state == State.LINE && frame.size() > 0) {
            // the sender closed without a final LF: its last message is still whole
            state = State.START;
            return Frame.message(take());
        }
        if (state == State.LENGTH || state == State.OCTETS) {
            state = State.START;
            frame.reset();
            return Frame.dropped("connection closed inside an octet-counted message", true);
        }
        return null;
    }

    private Frame start() {
        byte b = buffer[position];
        if (b == '\n' || b == '\r' || b == 0 || b == ' ') {
            position++;
        } else if (b >= '0' && b <= '9') {
            state = State.LENGTH;
            length = 0;
            lengthDigits = 0;
        } else {
            state = State.LINE;
        }
        return null;
    }

    private Frame length() {
        byte b = buffer[position++];
        if (b >= '0' && b <= '9' && lengthDigits < MAX_LENGTH_DIGITS) {
            length = length * 10 + (b - '0');
            lengthDigits++;
            return null;
        }
        if (b != ' ' || length == 0) {
            state = State.SKIP_LINE;
            return Frame.dropped("invalid octet count", true);
        }
        if (length > maxMessageBytes) {
            state = State.SKIP_OCTETS;
            return Frame.dropped("message of " + length + " bytes is larger than the limit of " + maxMessageBytes, false);
        }
        state = State.OCTETS;
        return null;
    }

    private Frame octets() {
        int n = (int) Math.min(limit - position, length - frame.size());
        frame.write(buffer, position, n);
        position += n;
        if (frame.size() == length) {
            state = State.START;
            return Frame.message(take());
        }
        return null;
    }

    private Frame line() {
        int end = position;
        while (end < limit && buffer[end] != '\n') {
            end++;
        }
        frame.write(buffer, position, end - position);
        boolean complete = end < limit;
        position = complete ? end + 1 : end;
        if (frame.size() > maxMessageBytes) {
            frame.reset();
            state = complete ? State.START : State.SKIP_LINE;
            return Frame.dropped("message longer than the limit of " + maxMessageBytes + " bytes", false);
        }
        if (complete) {
            state = State.START;
            return Frame.message(take());
        }
        return null;
    }

    private Frame skipOctets() {
        int n = (int) Math.min(limit - position, length);
        position += n;
        length -= n;
        if (length == 0) {
            state = State.START;
        }
        return null;
    }

    private Frame skipLine() {
        while (position < limit) {
            if (buffer[position++] == '\n') {
                state = State.START;
                return null;
            }
        }
        return null;
    }

    private byte[] take() {
        byte[] bytes = frame.toByteArray();
        frame.reset();
        return bytes;
    }
}
