package io.vigil.integrations.siem.cef;

import io.vigil.integrations.siem.DeliveryResult;
import io.vigil.integrations.siem.DeliveryResult.DeliveryFailure;
import io.vigil.integrations.siem.ExportRecord;
import io.vigil.integrations.siem.SiemExporter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * CEF over syslog. Syslog has no acknowledgement: over TCP and TLS a batch counts as delivered once
 * it is flushed to the connection, and a batch whose flush fails is sent again whole (the receiver
 * may then see a message twice, with the same {@code cs4} row id); over UDP a datagram that is lost
 * on the way cannot be noticed at all. Use TCP or TLS where losing nothing matters.
 */
public final class CefSyslogExporter implements SiemExporter {

    private static final int MAX_DATAGRAM = 65_000;

    private final CefSyslogConfig config;
    private Socket socket;
    private OutputStream out;
    private DatagramSocket datagrams;

    public CefSyslogExporter(CefSyslogConfig config) {
        this.config = config;
    }

    @Override
    public synchronized DeliveryResult deliver(List<ExportRecord> records) {
        try {
            if (config.transport() == SyslogTransport.UDP) {
                return sendDatagrams(records);
            }
            OutputStream stream = connection();
            for (ExportRecord record : records) {
                stream.write(SyslogFrame.octetCounted(message(record)));
            }
            stream.flush();
            return DeliveryResult.all(records.size());
        } catch (IOException e) {
            disconnect();
            return DeliveryResult.partial(0, DeliveryFailure.retryable(0, null, "Syslog receiver " + config.host() + ":"
                    + config.port() + " (" + config.transport() + ") failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()) + "."));
        }
    }

    private DeliveryResult sendDatagrams(List<ExportRecord> records) throws IOException {
        if (datagrams == null) {
            datagrams = new DatagramSocket();
        }
        InetSocketAddress target = new InetSocketAddress(config.host(), config.port());
        for (ExportRecord record : records) {
            byte[] message = message(record);
            int length = Math.min(message.length, MAX_DATAGRAM);
            datagrams.send(new DatagramPacket(message, length, target));
        }
        return DeliveryResult.all(records.size());
    }

    private byte[] message(ExportRecord record) {
        return SyslogFrame.message(config.facility(), record.alert().severity(), record.generated(), config.hostName(),
                CefMessage.of(record, config.productVersion(), config.consoleBaseUrl()));
    }

    private OutputStream connection() throws IOException {
        if (out != null) {
            return out;
        }
        Socket s;
        if (config.transport() == SyslogTransport.TLS) {
            SSLContext context = config.tls() != null ? config.tls() : sslDefault();
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket();
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            s = tls;
        } else {
            s = new Socket();
        }
        try {
            s.connect(new InetSocketAddress(config.host(), config.port()), (int) config.connectTimeout().toMillis());
            s.setKeepAlive(true);
            if (s instanceof SSLSocket tls) {
                tls.startHandshake();
            }
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
        return out;
    }

    private static SSLContext sslDefault() throws IOException {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException("no default TLS context", e);
        }
    }

    private void disconnect() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // the connection is being thrown away either way
        }
        socket = null;
        out = null;
    }

    @Override
    public synchronized void close() {
        disconnect();
        if (datagrams != null) {
            datagrams.close();
            datagrams = null;
        }
    }

    @Override
    public String toString() {
        return "CefSyslogExporter[" + config.transport() + " " + config.host() + ":" + config.port() + "]";
    }
}
