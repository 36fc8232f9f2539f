package io.vigil.integrations.siem.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.integrations.siem.DeliveryResult;
import io.vigil.integrations.siem.ExportRecord;
import io.vigil.integrations.siem.ExportRecords;
import io.vigil.integrations.siem.TestKeys;
import io.vigil.simulators.core.Fault;
import io.vigil.simulators.core.RecordedRequest;
import io.vigil.simulators.sentinel.IngestedRow;
import io.vigil.simulators.sentinel.SentinelOptions;
import io.vigil.simulators.sentinel.SentinelSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Sentinel exporter against the Logs Ingestion stand-in, whose stream is the DCR shipped in deploy/sentinel. */
class SentinelExporterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONSOLE = "https://vigil.contoso.local";

    @TempDir
    Path temp;

    private SentinelSimulator sentinel;

    @AfterEach
    void stop() {
        if (sentinel != null) {
            sentinel.close();
        }
    }

    private SentinelSimulator start(SentinelOptions options) {
        sentinel = SentinelSimulator.start(options);
        return sentinel;
    }

    private static SentinelOptions deployedDcr() throws Exception {
        return SentinelOptions.of(SecurityAlertTable.STREAM, DeployedSentinelContent.streamColumns());
    }

    private SentinelConfig config(ClientCredential credential) {
        SentinelOptions o = sentinel.sentinelOptions();
        return SentinelConfig.of(sentinel.authorityUrl(), o.tenantId(), o.clientId(), credential, sentinel.url(),
                o.dcrImmutableId(), o.streamName(), CONSOLE);
    }

    private ClientCredential secret() {
        return new ClientCredential.Secret(SecretSupplier.of(SentinelOptions.DEFAULT_CLIENT_SECRET.toCharArray()));
    }

    private List<RecordedRequest> tokenRequests() {
        return sentinel.requestsTo("/oauth2/v2.0/token");
    }

    @Test
    void everyRowCarriesEverySecurityAlertColumnWithItsType() throws Exception {
        start(deployedDcr());
        SentinelExporter exporter = new SentinelExporter(config(secret()));

        DeliveryResult result = exporter.deliver(ExportRecords.records(3));

        assertThat(result).isEqualTo(DeliveryResult.all(3));
        List<IngestedRow> rows = sentinel.rows();
        assertThat(rows).hasSize(3);
        IngestedRow row = rows.get(0);
        assertThat(row.columns()).containsOnlyKeys(SecurityAlertTable.names());
        assertThat(row.get("TimeGenerated")).isEqualTo("2024-05-01T10:00:01Z");
        assertThat(row.get("AlertName")).isEqualTo("Suspected Kerberos SPN exposure");
        assertThat(row.get("DisplayName")).isEqualTo(row.get("AlertName"));
        assertThat(row.get("AlertSeverity")).isEqualTo("High");
        assertThat(row.get("SystemAlertId")).isEqualTo("alert-1");
        assertThat(row.get("AlertType")).isEqualTo("KerberoastingSecurityAlert");
        assertThat(row.get("IsIncident")).isEqualTo(false);
        assertThat(row.get("ConfidenceScore")).isNull();
        assertThat(row.get("Tactics")).isEqualTo("CredentialAccess");
        assertThat(row.get("Techniques")).isEqualTo("T1558");
        assertThat(row.get("SubTechniques")).isEqualTo("T1558.003");
        assertThat(row.get("Status")).isEqualTo("New");
        assertThat(row.get("AlertLink")).isEqualTo(CONSOLE + "/alerts/alert-1");
        JsonNode properties = JSON.readTree((String) row.get("ExtendedProperties"));
        assertThat(properties.get("VigilRowId").stringValue()).isEqualTo("alert-1:1");
        assertThat(properties.get("VigilChange").stringValue()).isEqualTo("new");
        assertThat(properties.get("ExternalId").stringValue()).isEqualTo("2410");
        JsonNode entities = JSON.readTree((String) row.get("Entities"));
        assertThat(entities).hasSize(3);
        assertThat(entities.get(0).get("$id").stringValue()).isEqualTo("2");
        assertThat(entities.get(0).get("Type").stringValue()).isEqualTo("account");
        assertThat(entities.get(1).get("Type").stringValue()).isEqualTo("host");
        assertThat(entities.get(2).get("Address").stringValue()).isEqualTo("10.0.0.12");
        RecordedRequest call = sentinel.requestsTo("/streams/" + SecurityAlertTable.STREAM).get(0);
        assertThat(call.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(call.query()).isEqualTo("api-version=2023-01-01");
    }

    @Test
    void theTokenIsCachedUntilItNearsExpiry() throws Exception {
        start(deployedDcr());
        SentinelExporter exporter = new SentinelExporter(config(secret()));

        exporter.deliver(ExportRecords.records(2));
        exporter.deliver(ExportRecords.records(2));

        assertThat(tokenRequests()).hasSize(1);
        assertThat(tokenRequests().get(0).body()).contains("scope=https%3A%2F%2Fmonitor.azure.com%2F%2F.default")
                .contains("grant_type=client_credentials");
    }

    @Test
    void aTokenThatStopsWorkingMidStreamIsRenewedOnce() throws Exception {
        start(deployedDcr());
        SentinelExporter exporter = new SentinelExporter(config(secret()));
        exporter.deliver(ExportRecords.records(1));

        sentinel.expireTokens();
        DeliveryResult result = exporter.deliver(ExportRecords.records(4));

        assertThat(result.complete()).isTrue();
        assertThat(tokenRequests()).hasSize(2);
        assertThat(sentinel.rows()).hasSize(5);
    }

    @Test
    void callsStayUnderTheLimitAndA413SplitsTheCall() throws Exception {
        start(deployedDcr());
        SentinelExporter exporter = new SentinelExporter(config(secret()).withMaxCallBytes(8 * 1024));
        sentinel.faults().inject(Fault.status(413).onPath("/streams/"));

        DeliveryResult result = exporter.deliver(ExportRecords.records(40));

        assertThat(result).isEqualTo(DeliveryResult.all(40));
        assertThat(sentinel.rows()).extracting(r -> r.get("SystemAlertId"))
                .containsExactlyElementsOf(ExportRecords.records(40).stream().map(r -> r.alert().id()).toList());
        List<RecordedRequest> calls = sentinel.requestsTo("/streams/" + SecurityAlertTable.STREAM);
        assertThat(calls.size()).isGreaterThan(3);
        calls.forEach(c -> assertThat(c.body().length()).isLessThanOrEqualTo(8 * 1024));
    }

    @Test
    void tooManyRequestsEndsTheAttemptWithWhatWasAcceptedAndTheServersWait() throws Exception {
        start(deployedDcr());
        SentinelExporter exporter = new SentinelExporter(config(secret()).withMaxCallBytes(8 * 1024));
        sentinel.faults().inject(Fault.delay(Duration.ZERO).onPath("/streams/"));
        sentinel.faults().inject(Fault.tooManyRequests("7").onPath("/streams/"));

        List<ExportRecord> records = ExportRecords.records(40);
        DeliveryResult result = exporter.deliver(records);

        assertThat(result.complete()).isFalse();
        assertThat(result.delivered()).isPositive().isLessThan(40);
        assertThat(result.failure().retryable()).isTrue();
        assertThat(result.failure().httpStatus()).isEqualTo(429);
        assertThat(result.failure().retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(sentinel.rows()).hasSize(result.delivered());
    }

    @Test
    void serverErrorsAndRefusedConnectionsAreRetryable() throws Exception {
        start(deployedDcr());
        SentinelExporter exporter = new SentinelExporter(config(secret()));
        sentinel.faults().inject(Fault.status(503).onPath("/streams/"));

        DeliveryResult failed = exporter.deliver(ExportRecords.records(2));
        sentinel.goDown();
        DeliveryResult refused = exporter.deliver(ExportRecords.records(2));
        sentinel.comeBack();
        DeliveryResult recovered = exporter.deliver(ExportRecords.records(2));

        assertThat(failed.delivered()).isZero();
        assertThat(failed.failure().retryable()).isTrue();
        assertThat(failed.failure().httpStatus()).isEqualTo(503);
        assertThat(refused.delivered()).isZero();
        assertThat(refused.failure().retryable()).isTrue();
        assertThat(refused.failure().httpStatus()).isZero();
        assertThat(recovered.complete()).isTrue();
    }

    @Test
    void aWrongSecretIsReportedWithoutTheSecret() throws Exception {
        start(deployedDcr());
        String wrong = "Not-The-Secret-42";
        SentinelExporter exporter = new SentinelExporter(config(new ClientCredential.Secret(
                SecretSupplier.of(wrong.toCharArray()))));

        DeliveryResult result = exporter.deliver(ExportRecords.records(1));

        assertThat(result.delivered()).isZero();
        assertThat(result.failure().retryable()).isFalse();
        assertThat(result.failure().httpStatus()).isEqualTo(401);
        assertThat(result.failure().message()).contains("AADSTS7000215").doesNotContain(wrong);
        assertThat(sentinel.rows()).isEmpty();
    }

    @Test
    void aCertificateSignsInWithAClientAssertion() throws Exception {
        TestKeys keys = TestKeys.create(temp);
        start(deployedDcr().withCertificate(keys.certificate()));
        SentinelExporter exporter = new SentinelExporter(config(new ClientCredential.Certificate(keys.certificate(),
                keys.privateKey())));

        DeliveryResult result = exporter.deliver(ExportRecords.records(2));

        assertThat(result.complete()).isTrue();
        assertThat(tokenRequests().get(0).body()).contains("client_assertion=").doesNotContain("client_secret");
    }

    @Test
    void aColumnTheStreamDoesNotDeclareIsRefused() throws Exception {
        Map<String, String> fewer = new java.util.LinkedHashMap<>(DeployedSentinelContent.streamColumns());
        fewer.remove("AlertLink");
        start(SentinelOptions.of(SecurityAlertTable.STREAM, fewer));
        SentinelExporter exporter = new SentinelExporter(config(secret()));

        DeliveryResult result = exporter.deliver(ExportRecords.records(1));

        assertThat(result.failure().httpStatus()).isEqualTo(400);
        assertThat(result.failure().retryable()).isFalse();
        assertThat(result.failure().message()).contains("AlertLink");
    }

    @Test
    void aResentRowIsIdenticalSoTheQueryCanDropIt() throws Exception {
        start(deployedDcr());
        SentinelExporter exporter = new SentinelExporter(config(secret()));
        ExportRecord record = ExportRecords.record(5);

        exporter.deliver(List.of(record));
        exporter.deliver(List.of(record));

        List<IngestedRow> rows = sentinel.rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).columns()).isEqualTo(rows.get(1).columns());
        assertThat(rows.get(0).ingestedAt()).isBeforeOrEqualTo(Instant.now());
    }
}
