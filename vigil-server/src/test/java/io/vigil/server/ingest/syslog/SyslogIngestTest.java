package io.vigil.server.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.ingest.decode.DecodeError;
import io.vigil.ingest.decode.DecodeListener;
import io.vigil.ingest.decode.EventFilter;
import io.vigil.ingest.source.EventSources;
import io.vigil.ingest.testsupport.Corpus;
import io.vigil.model.event.WindowsEvent;
import io.vigil.server.config.ServerSetting;
import io.vigil.server.metrics.RunningServer;
import io.vigil.store.PageRequest;
import io.vigil.store.VigilDatabase;
import io.vigil.store.alerts.AlertFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The purplesharp playbook arrives over syslog, half as RFC 5424 JSON events in octet-counted TCP
 * frames and half as RFC 3164 event XML in LF-framed TCP, and gives the same alerts as over HTTP;
 * UDP carries events too, and malformed messages are counted and dropped without ending anything.
 */
class SyslogIngestTest {

    private static final String PLAYBOOK =
            "security-datasets/datasets/atomic/windows/lateral_movement/host/purplesharp_ad_playbook_I.zip";
    private static final int CHUNK = 2_000;

    @TempDir
    static Path dataDir;

    static RunningServer server;
    static SyslogReceivers syslog;
    static List<String> lines;

    @BeforeAll
    static void start() throws IOException {
        server = RunningServer.start(dataDir, Map.of(ServerSetting.SYSLOG_TCP_PORT, "0", ServerSetting.SYSLOG_UDP_PORT, "0"));
        syslog = server.bean(SyslogReceivers.class);
        lines = Corpus.zippedLines(PLAYBOOK);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void thePlaybookOverBothTcpFramingsGivesItsAlerts() throws Exception {
        double before = tcpEvents();
        try (Socket octetCounted = connect(); Socket lineFramed = connect()) {
            double sent = before;
            for (int from = 0, chunk = 0; from < lines.size(); from += CHUNK, chunk++) {
                List<String> part = lines.subList(from, Math.min(lines.size(), from + CHUNK));
                if (chunk % 2 == 0) {
                    sendOctetCounted(octetCounted, part);
                } else {
                    sendLineFramed(lineFramed, part);
                }
                sent += part.size();
                // one part at a time, so the journal holds the playbook in its own order
                double expected = sent;
                await().atMost(Duration.ofSeconds(60)).until(() -> tcpEvents() >= expected);
            }
            assertThat(tcpEvents()).isEqualTo(before + lines.size());
        }
        VigilDatabase database = server.bean(VigilDatabase.class);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                database.alerts().find(AlertFilter.any(), PageRequest.of(0, 50)).items())
                .extracting(stored -> stored.alert().type()).contains("brute-force", "kerberoasting"));

        HttpResponse<String> prometheus = server.get("/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body())
                .contains("vigil_ingest_events_total{source=\"syslog-tcp\"} " + tcpEvents())
                .contains("vigil_alerts_published_total{detector=\"brute-force\"}")
                .contains("vigil_alerts_published_total{detector=\"kerberoasting\"}")
                .contains("vigil_ingest_bytes_total{source=\"syslog-tcp\"}")
                .contains("vigil_journal_unconsumed_bytes")
                .contains("vigil_detection_lag_records");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(server.get("/actuator/prometheus").body()).contains("vigil_detection_lag_records 0.0"));
    }

    @Test
    void udpDatagramsAreJournaledPerMessage() throws Exception {
        List<String> part = lines.subList(0, 300);
        try (DatagramSocket udp = new DatagramSocket()) {
            for (String line : part) {
                byte[] message = ("<13>Oct 22 04:29:48 wec01 nxlog: " + line).getBytes(StandardCharsets.UTF_8);
                udp.send(new DatagramPacket(message, message.length, InetAddress.getLoopbackAddress(), syslog.udpPort()));
                Thread.sleep(1); // loopback is lossless only while the receive buffer keeps up
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                server.count("vigil.ingest.events", "source", "syslog-udp") >= part.size());
        assertThat(server.count("vigil.ingest.events", "source", "syslog-udp")).isEqualTo(part.size());
    }

    @Test
    void malformedMessagesAreCountedAndDroppedWhileTheConnectionGoesOn() throws Exception {
        double malformedBefore = server.count("vigil.ingest.refused", "source", "syslog-tcp", "reason", "malformed");
        double eventsBefore = tcpEvents();
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("no priority at all\n"
                    + "<13>Oct 22 04:29:48 dc01 app: plain text, not an event\n"
                    + "<13>1 2020-10-22T08:29:48Z dc01 app - - - {\"EventID\": 4769, \"Chan\n"
                    + "<999>1 - - - - - - {}\n"
                    + "<13>1 2020-10-22T08:29:48Z dc01 app - - [unterminated {}\n").getBytes(StandardCharsets.UTF_8));
            sendLineFramed(socket, lines.subList(0, 10));
        }
        try (DatagramSocket udp = new DatagramSocket()) {
            byte[] garbage = {0, 1, 2, 3};
            udp.send(new DatagramPacket(garbage, garbage.length, InetAddress.getLoopbackAddress(), syslog.udpPort()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(server.count("vigil.ingest.refused", "source", "syslog-tcp", "reason", "malformed"))
                    .isEqualTo(malformedBefore + 5);
            assertThat(tcpEvents()).isEqualTo(eventsBefore + 10);
            assertThat(server.count("vigil.ingest.refused", "source", "syslog-udp", "reason", "malformed")).isEqualTo(1);
        });
    }

    private static double tcpEvents() {
        return server.count("vigil.ingest.events", "source", "syslog-tcp");
    }

    private static Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), syslog.tcpPort());
    }

    private static void sendOctetCounted(Socket socket, List<String> jsonLines) throws IOException {
        socket.getOutputStream().write(SyslogFrames.octetCounted(jsonLines));
        socket.getOutputStream().flush();
    }

    /** RFC 3164 messages carrying event XML, one per line (RFC 6587 3.4.2). */
    private static void sendLineFramed(Socket socket, List<String> jsonLines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : jsonLines) {
            text.append("<14>Oct 22 04:29:48 wec01 MSWinEventLog[4]: ").append(EventXml.of(decode(line))).append('\n');
        }
        socket.getOutputStream().write(text.toString().getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    private static WindowsEvent decode(String jsonLine) {
        List<WindowsEvent> events = new ArrayList<>();
        EventSources.standard().read("line", new ByteArrayInputStream(jsonLine.getBytes(StandardCharsets.UTF_8)),
                EventFilter.ALL, new DecodeListener() {
                    @Override
                    public void onEvent(WindowsEvent event) {
                        events.add(event);
                    }

                    @Override
                    public void onError(DecodeError error) {
                        throw new AssertionError(error.toString());
                    }
                });
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
