package io.vigil.server.ingest.syslog;

import io.vigil.server.ingest.EventIntake;
import io.vigil.server.ingest.SourceKind;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives syslog datagrams (one message each) on one thread, grouped per sender. UDP cannot push
 * back: when the journal is full a group is dropped and counted, and datagrams the kernel drops from
 * a full socket buffer are not seen at all (the kernel's own UDP counters show them).
 */
final class UdpSyslogListener {

    private static final Logger log = LoggerFactory.getLogger(UdpSyslogListener.class);
    private static final int MAX_DATAGRAM = 65_535;
    private static final int RECEIVE_BUFFER = 4 << 20;

    private final DatagramSocket socket;
    private final SyslogLimits limits;
    private final MessageAdmission admission;
    private final GroupJournal journal;
    private final Map<String, MessageGroup> groups = new HashMap<>();
    private final Thread receiver;
    private volatile boolean running = true;

    UdpSyslogListener(InetSocketAddress address, SyslogLimits limits, EventIntake intake) throws IOException {
        this.socket = new DatagramSocket(null);
        socket.setReuseAddress(true);
        socket.setReceiveBufferSize(RECEIVE_BUFFER);
        socket.bind(address);
        socket.setSoTimeout((int) Math.max(1, limits.groupAge().toMillis()));
        this.limits = limits;
        this.admission = new MessageAdmission(intake, SourceKind.SYSLOG_UDP);
        this.journal = new GroupJournal(intake, SourceKind.SYSLOG_UDP);
        this.receiver = new Thread(this::receiveLoop, "vigil-syslog-udp");
        receiver.setDaemon(true);
        receiver.start();
        log.info("receiving syslog over UDP on {}", socket.getLocalSocketAddress());
    }

    int port() {
        return socket.getLocalPort();
    }

    private void receiveLoop() {
        DatagramPacket packet = new DatagramPacket(new byte[MAX_DATAGRAM], MAX_DATAGRAM);
        while (running) {
            try {
                packet.setLength(MAX_DATAGRAM);
                socket.receive(packet);
                String source = SourceKind.SYSLOG_UDP.source(packet.getAddress().getHostAddress());
                byte[] frame = Arrays.copyOfRange(packet.getData(), packet.getOffset(), packet.getOffset() + packet.getLength());
                if (frame.length > limits.maxMessageBytes()) {
                    admission.drop(source, "datagram larger than the limit of " + limits.maxMessageBytes() + " bytes");
                } else {
                    admission.admit(source, frame, groups.computeIfAbsent(source, s -> new MessageGroup()));
                }
                journalDue(false);
            } catch (SocketTimeoutException quiet) {
                journalDue(false);
            } catch (IOException e) {
                if (running) {
                    log.warn("syslog UDP receive failed: {}", e.getMessage());
                }
            }
        }
        journalDue(true);
    }

    private void journalDue(boolean all) {
        for (Iterator<Map.Entry<String, MessageGroup>> it = groups.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, MessageGroup> entry = it.next();
            MessageGroup group = entry.getValue();
            if (group.isEmpty()) {
                it.remove(); // a sender that went quiet holds no memory
            } else if (all || group.due(limits)) {
                try {
                    journal.journalOrDrop(entry.getKey(), group);
                } catch (IOException e) {
                    log.error("syslog UDP messages from {} lost: the journal cannot write: {}", entry.getKey(), e.getMessage());
                    group.clear();
                }
            }
        }
    }

    void close() throws InterruptedException {
        running = false;
        receiver.join(5_000);
        socket.close();
    }
}
