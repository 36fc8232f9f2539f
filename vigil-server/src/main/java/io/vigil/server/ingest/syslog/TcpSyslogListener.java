package io.vigil.server.ingest.syslog;

import io.vigil.server.ingest.EventIntake;
import io.vigil.server.ingest.SourceKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts syslog TCP connections and serves each on a thread of a bounded pool (one blocking thread
 * per connection: Java 17 has no virtual threads, and syslog senders are few and long-lived). A
 * connection beyond the bound is closed at once and counted.
 */
final class TcpSyslogListener {

    private static final Logger log = LoggerFactory.getLogger(TcpSyslogListener.class);

    private final ServerSocket server;
    private final SyslogLimits limits;
    private final EventIntake intake;
    private final MessageAdmission admission;
    private final GroupJournal journal;
    private final ThreadPoolExecutor connections;
    private final Thread acceptor;
    private volatile boolean running = true;

    TcpSyslogListener(InetSocketAddress address, SyslogLimits limits, EventIntake intake) throws IOException {
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(address);
        this.limits = limits;
        this.intake = intake;
        this.admission = new MessageAdmission(intake, SourceKind.SYSLOG_TCP);
        this.journal = new GroupJournal(intake, SourceKind.SYSLOG_TCP);
        AtomicInteger threadNumber = new AtomicInteger();
        this.connections = new ThreadPoolExecutor(limits.maxConnections(), limits.maxConnections(), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(task, "vigil-syslog-tcp-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        connections.allowCoreThreadTimeOut(true);
        this.acceptor = new Thread(this::acceptLoop, "vigil-syslog-tcp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("receiving syslog over TCP on {}", server.getLocalSocketAddress());
    }

    int port() {
        return server.getLocalPort();
    }

    boolean running() {
        return running;
    }

    private void acceptLoop() {
        while (running) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (running) {
                    log.warn("syslog TCP accept failed: {}", e.getMessage());
                }
                continue;
            }
            try {
                connections.execute(new TcpSyslogConnection(socket, limits, admission, journal, this));
            } catch (RejectedExecutionException e) {
                intake.refused(SourceKind.SYSLOG_TCP, "too-many-connections", 1);
                closeQuietly(socket);
            }
        }
    }

    void close() throws InterruptedException {
        running = false;
        closeQuietly(server);
        // connections notice within one read timeout and journal what they hold
        connections.shutdown();
        connections.awaitTermination(5, TimeUnit.SECONDS);
        connections.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing on the way out; nothing to do
        }
    }
}
