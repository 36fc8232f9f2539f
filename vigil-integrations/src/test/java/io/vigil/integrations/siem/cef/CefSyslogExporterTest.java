package io.vigil.integrations.siem.cef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.integrations.siem.AlertChange;
import io.vigil.integrations.siem.DeliveryResult;
import io.vigil.integrations.siem.ExportRecord;
import io.vigil.integrations.siem.ExportRecords;
import io.vigil.integrations.siem.TestKeys;
import io.vigil.simulators.syslog.CefEvent;
import io.vigil.simulators.syslog.SyslogReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CEF over syslog to a collector on loopback that parses every message as RFC 5424 and CEF. */
class CefSyslogExporterTest {

    private static final String CONSOLE = "https://vigil.contoso.local";

    @TempDir
    static Path temp;

    private static TestKeys keys;
    private SyslogReceiver receiver;

    @BeforeAll
    static void makeKeys() throws Exception {
        keys = TestKeys.create(temp);
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private CefSyslogExporter exporter(SyslogTransport transport, TestKeys keys) throws Exception {
        receiver = SyslogReceiver.start(keys.serverContext());
        int port = switch (transport) {
            case TCP -> receiver.tcpPort();
            case TLS -> receiver.tlsPort();
            case UDP -> receiver.udpPort();
        };
        SSLContext trust = transport == SyslogTransport.TLS ? keys.clientContext() : null;
        return new CefSyslogExporter(CefSyslogConfig.of("127.0.0.1", port, transport, trust, "vigil01.contoso.local",
                "0.1.0", CONSOLE));
    }

    @ParameterizedTest
    @EnumSource(SyslogTransport.class)
    void everyMessageParsesWithDefenderForIdentitysFields(SyslogTransport transport) throws Exception {
        List<ExportRecord> records = ExportRecords.records(25);
        try (CefSyslogExporter exporter = exporter(transport, keys)) {
            assertThat(exporter.deliver(records)).isEqualTo(DeliveryResult.all(25));

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 25);
        }
        assertThat(receiver.unparsable()).isZero();
        SyslogReceiver.Received first = receiver.received().stream()
                .filter(r -> "alert-1:1".equals(r.cef().extension("cs4"))).findFirst().orElseThrow();
        assertThat(first.syslog().transport()).isEqualTo(transport.name().toLowerCase(java.util.Locale.ROOT));
        assertThat(first.syslog().version()).isEqualTo(1);
        assertThat(first.syslog().facility()).isEqualTo(10);
        assertThat(first.syslog().severity()).isEqualTo(3);
        assertThat(first.syslog().hostName()).isEqualTo("vigil01.contoso.local");
        assertThat(first.syslog().appName()).isEqualTo("Vigil");
        CefEvent cef = first.cef();
        assertThat(cef.vendor()).isEqualTo("Vigil");
        assertThat(cef.signatureId()).isEqualTo("KerberoastingSecurityAlert");
        assertThat(cef.name()).isEqualTo("Suspected Kerberos SPN exposure");
        assertThat(cef.severity()).isEqualTo("10");
        assertThat(cef.extension("start")).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(cef.extension("suser")).isEqualTo("CONTOSO\\mallory");
        assertThat(cef.extension("shost")).isEqualTo("WS01");
        assertThat(cef.extension("externalId")).isEqualTo("2410");
        assertThat(cef.extension("cnt")).isEqualTo("12");
        assertThat(cef.extension("cs1Label")).isEqualTo("url");
        assertThat(cef.extension("cs1")).isEqualTo(CONSOLE + "/alerts/alert-1");
        assertThat(cef.extension("cs2")).isEqualTo("new");
        assertThat(cef.extension("cs3")).isEqualTo("WS01.contoso.local");
        assertThat(cef.extension("msg")).isEqualTo("mallory requested service tickets for 12 SPNs (#1)");
    }

    @Test
    void separatorsAndLineBreaksSurviveEscaping() throws Exception {
        String description = "a=b | c\\d\nsecond line";
        ExportRecord tricky = new ExportRecord("x:1", ExportRecords.alert("x|y", description), AlertChange.STATUS,
                ExportRecords.T0);
        try (CefSyslogExporter exporter = exporter(SyslogTransport.TCP, keys)) {
            exporter.deliver(List.of(tricky));
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
        }
        CefEvent cef = receiver.received().get(0).cef();
        assertThat(cef.extension("msg")).isEqualTo(description);
        assertThat(cef.extension("cs2")).isEqualTo("update");
        assertThat(cef.extension("cs1")).isEqualTo(CONSOLE + "/alerts/x|y");
    }

    @Test
    void aCollectorThatIsNotListeningIsARetryableFailure() throws Exception {
        int unused;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            unused = probe.getLocalPort();
        }
        CefSyslogExporter exporter = new CefSyslogExporter(CefSyslogConfig.of("127.0.0.1", unused, SyslogTransport.TCP,
                null, "vigil01", "0.1.0", CONSOLE));

        DeliveryResult result = exporter.deliver(ExportRecords.records(2));

        assertThat(result.delivered()).isZero();
        assertThat(result.failure().retryable()).isTrue();
        exporter.close();
    }
}
