package io.vigil.server.ingest.syslog;

import io.vigil.server.config.ServerConfig;
import io.vigil.server.ingest.EventIntake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The syslog receivers the configuration asks for ({@code --syslog-tcp-port}, {@code --syslog-udp-port}),
 * bound to the server's address. They stop with the other lifecycle beans, before the journal bean is
 * closed, so the groups they hold on the way out still reach the journal.
 */
@Component
public class SyslogReceivers implements SmartLifecycle {

    private final ServerConfig config;
    private final EventIntake intake;
    private TcpSyslogListener tcp;
    private UdpSyslogListener udp;
    private volatile boolean running;

    SyslogReceivers(ServerConfig config, EventIntake intake) {
        this.config = config;
        this.intake = intake;
    }

    @Override
    public void start() {
        ServerConfig.Ingest ingest = config.ingest();
        try {
            if (ingest.syslogTcpPort() != null) {
                tcp = new TcpSyslogListener(address(ingest.syslogTcpPort()), SyslogLimits.defaults(), intake);
            }
            if (ingest.syslogUdpPort() != null) {
                udp = new UdpSyslogListener(address(ingest.syslogUdpPort()), SyslogLimits.defaults(), intake);
            }
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("cannot open the syslog port: " + e.getMessage(), e);
        }
        running = true;
    }

    private InetSocketAddress address(int port) {
        return new InetSocketAddress(config.httpHost(), port);
    }

    /** The bound TCP port (useful when configured as 0), or -1 when TCP syslog is off. */
    public int tcpPort() {
        return tcp == null ? -1 : tcp.port();
    }

    /** The bound UDP port, or -1 when UDP syslog is off. */
    public int udpPort() {
        return udp == null ? -1 : udp.port();
    }

    @Override
    public void stop() {
        running = false;
        try {
            if (tcp != null) {
                tcp.close();
            }
            if (udp != null) {
                udp.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
