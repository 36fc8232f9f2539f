package io.vigil.server.ingest.syslog;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one TCP sender: reads frames, admits messages into a group and journals the group when it
 * is due. The socket's read timeout is the group's age limit, so a quiet sender's last messages are
 * journaled promptly; a sender silent for the idle timeout is disconnected.
 */
final class TcpSyslogConnection implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(TcpSyslogConnection.class);

    private final Socket socket;
    private final SyslogLimits limits;
    private final MessageAdmission admission;
    private final GroupJournal journal;
    private final TcpSyslogListener listener;
    private final String source;
    private final MessageGroup group = new MessageGroup();

    TcpSyslogConnection(Socket socket, SyslogLimits limits, MessageAdmission admission, GroupJournal journal,
            TcpSyslogListener listener) {
        this.socket = socket;
        this.limits = limits;
        this.admission = admission;
        this.journal = journal;
        this.listener = listener;
        this.source = admission.kind().source(socket.getInetAddress().getHostAddress());
    }

    @Override
    public void run() {
        try (socket) {
            socket.setSoTimeout((int) Math.max(1, limits.groupAge().toMillis()));
            SyslogFrameReader frames = new SyslogFrameReader(socket.getInputStream(), limits.maxMessageBytes());
            long lastReadNanos = System.nanoTime();
            while (listener.running()) {
                SyslogFrameReader.Frame frame;
                try {
                    frame = frames.next();
                } catch (SocketTimeoutException quiet) {
                    if (System.nanoTime() - lastReadNanos > limits.idleTimeout().toNanos()) {
                        break;
                    }
                    journalIfDue();
                    continue;
                }
                lastReadNanos = System.nanoTime();
                if (frame == null) {
                    break;
                }
                if (frame.bytes() != null) {
                    admission.admit(source, frame.bytes(), group);
                } else {
                    admission.drop(source, frame.problem());
                    if (frame.fatal()) {
                        break;
                    }
                }
                journalIfDue();
            }
            if (!group.isEmpty()) {
                journal.journalWaiting(source, group, listener::running);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (listener.running()) {
                log.warn("syslog connection from {} ended: {}", source, e.getMessage());
            }
        }
    }

    private void journalIfDue() throws IOException, InterruptedException {
        if (group.due(limits)) {
            journal.journalWaiting(source, group, listener::running);
        }
    }
}
