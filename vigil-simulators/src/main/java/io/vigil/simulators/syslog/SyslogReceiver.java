package io.vigil.simulators.syslog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * A SIEM's syslog collector on loopback: TCP and TLS with octet-counted frames (RFC 6587 / 5425),
 * UDP with one message per datagram (RFC 5426). Every message is parsed as RFC 5424 and its payload
 * as CEF; what does not parse is counted, never kept.
 */
public final class SyslogReceiver implements AutoCloseable {

    /** One received message, parsed. */
    public record Received(ReceivedSyslog syslog, CefEvent cef) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicLong unparsable = new AtomicLong();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sim-syslog");
        t.setDaemon(true);
        return t;
    });
    private final ServerSocket tcp;
    private final ServerSocket tls;
    private final DatagramSocket udp;

    private SyslogReceiver(SSLContext tlsContext) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        tcp = new ServerSocket(0, 50, loopback);
        tls = tlsContext == null ? null : tlsContext.getServerSocketFactory().createServerSocket(0, 50, loopback);
        udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
        pool.execute(() -> accept(tcp, "tcp"));
        if (tls != null) {
            pool.execute(() -> accept(tls, "tls"));
        }
        pool.execute(this::receiveDatagrams);
    }

    /** Listens for TCP and UDP, and for TLS when a server context is given. */
    public static SyslogReceiver start(SSLContext tlsServerContext) {
        try {
            return new SyslogReceiver(tlsServerContext);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int tcpPort() {
        return tcp.getLocalPort();
    }

    public int tlsPort() {
        return tls.getLocalPort();
    }

    public int udpPort() {
        return udp.getLocalPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public long unparsable() {
        return unparsable.get();
    }

    private void accept(ServerSocket server, String transport) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                pool.execute(() -> readFrames(socket, transport));
            } catch (IOException | java.util.concurrent.RejectedExecutionException closed) {
                return;
            }
        }
    }

    private void readFrames(Socket socket, String transport) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream())) {
            while (true) {
                int length = 0;
                int c;
                while ((c = in.read()) != ' ') {
                    if (c < 0) {
                        return;
                    }
                    if (c < '0' || c > '9') {
                        unparsable.incrementAndGet();
                        return;
                    }
                    length = length * 10 + (c - '0');
                }
                byte[] frame = in.readNBytes(length);
                if (frame.length < length) {
                    unparsable.incrementAndGet();
                    return;
                }
                keep(transport, new String(frame, StandardCharsets.UTF_8));
            }
        } catch (IOException closed) {
            // the sender went away; what arrived is kept
        }
    }

    private void receiveDatagrams() {
        byte[] buffer = new byte[65_535];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (IOException closed) {
                return;
            }
            keep("udp", new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
        }
    }

    private void keep(String transport, String text) {
        try {
            ReceivedSyslog syslog = ReceivedSyslog.parse(transport, text);
            received.add(new Received(syslog, CefParser.parse(syslog.message())));
        } catch (RuntimeException e) {
            unparsable.incrementAndGet();
        }
    }

    @Override
    public void close() {
        try {
            tcp.close();
            if (tls != null) {
                tls.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        udp.close();
        pool.shutdownNow();
    }
}
