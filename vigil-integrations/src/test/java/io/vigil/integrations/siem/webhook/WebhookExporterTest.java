package io.vigil.integrations.siem.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.integrations.siem.DeliveryResult;
import io.vigil.integrations.siem.ExportRecords;
import io.vigil.simulators.core.Fault;
import io.vigil.simulators.webhook.WebhookReceiver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The signed webhook against a receiver that verifies every signature. */
class WebhookExporterTest {

    private static final String SECRET = "whsec-Shared-Secret-7";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T12:00:00Z"), ZoneOffset.UTC);

    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        receiver.close();
    }

    private WebhookExporter exporter(String secret, Clock clock) {
        return new WebhookExporter(WebhookConfig.of(receiver.url(), SecretSupplier.of(secret.toCharArray()),
                "https://vigil.contoso.local").withClock(clock));
    }

    @Test
    void theReceiverVerifiesEverySignatureAndGetsEveryRow() throws Exception {
        receiver = WebhookReceiver.start(SECRET, Duration.ofMinutes(5), CLOCK);
        WebhookExporter exporter = exporter(SECRET, CLOCK);

        DeliveryResult first = exporter.deliver(ExportRecords.records(3));
        DeliveryResult second = exporter.deliver(ExportRecords.records(2));

        assertThat(first).isEqualTo(DeliveryResult.all(3));
        assertThat(second).isEqualTo(DeliveryResult.all(2));
        assertThat(receiver.refusedCount()).isZero();
        assertThat(receiver.acceptedBodies()).hasSize(2);
        JsonNode alerts = JsonMapper.builder().build().readTree(receiver.acceptedBodies().get(0)).get("alerts");
        assertThat(alerts).hasSize(3);
        assertThat(alerts.get(0).get("VigilRowId").stringValue()).isEqualTo("alert-1:1");
        assertThat(alerts.get(0).get("SystemAlertId").stringValue()).isEqualTo("alert-1");
        assertThat(alerts.get(0).get("AlertSeverity").stringValue()).isEqualTo("High");
        assertThat(receiver.requests().get(0).header("X-Vigil-Signature")).startsWith("v1=").doesNotContain(SECRET);
    }

    @Test
    void aWrongSecretOrAStaleTimestampIsRefused() {
        receiver = WebhookReceiver.start(SECRET, Duration.ofMinutes(5), CLOCK);

        DeliveryResult wrongSecret = exporter("another-secret", CLOCK).deliver(ExportRecords.records(1));
        DeliveryResult stale = exporter(SECRET, Clock.offset(CLOCK, Duration.ofMinutes(-10))).deliver(ExportRecords.records(1));

        assertThat(wrongSecret.failure().httpStatus()).isEqualTo(401);
        assertThat(wrongSecret.failure().retryable()).isFalse();
        assertThat(stale.failure().httpStatus()).isEqualTo(401);
        assertThat(receiver.refusedCount()).isEqualTo(2);
        assertThat(receiver.acceptedBodies()).isEmpty();
    }

    @Test
    void serverErrorsAndTooManyRequestsAreRetryableWithTheServersWait() {
        receiver = WebhookReceiver.start(SECRET, Duration.ofMinutes(5), CLOCK);
        receiver.faults().inject(Fault.status(500)).inject(Fault.tooManyRequests("30"));
        WebhookExporter exporter = exporter(SECRET, CLOCK);

        DeliveryResult error = exporter.deliver(ExportRecords.records(1));
        DeliveryResult limited = exporter.deliver(ExportRecords.records(1));
        DeliveryResult ok = exporter.deliver(ExportRecords.records(1));

        assertThat(error.failure().retryable()).isTrue();
        assertThat(error.failure().httpStatus()).isEqualTo(500);
        assertThat(limited.failure().retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(ok.complete()).isTrue();
    }
}
