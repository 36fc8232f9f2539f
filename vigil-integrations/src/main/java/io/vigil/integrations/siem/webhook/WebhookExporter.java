package io.vigil.integrations.siem.webhook;

import io.vigil.integrations.siem.DeliveryResult;
import io.vigil.integrations.siem.ExportProperties;
import io.vigil.integrations.siem.ExportRecord;
import io.vigil.integrations.siem.SiemExporter;
import io.vigil.integrations.siem.internal.SiemHttp;
import io.vigil.integrations.siem.sentinel.SecurityAlertRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signed JSON POST per batch: {@code {"alerts":[row, …]}}, each row with SecurityAlert's columns
 * and {@code VigilRowId} / {@code VigilChange}. Any 2xx accepts the whole batch; 429, 408 and 5xx
 * (with {@code Retry-After}) are tried again later by the delivery worker, other answers are
 * reported as the receiver's refusal.
 */
public final class WebhookExporter implements SiemExporter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookConfig config;
    private final SiemHttp http;

    public WebhookExporter(WebhookConfig config) {
        this.config = config;
        this.http = new SiemHttp("Webhook receiver", config.connectTimeout(), config.requestTimeout(), config.tls(),
                config.clock());
    }

    @Override
    public int preferredBatchSize() {
        return 200;
    }

    @Override
    public DeliveryResult deliver(List<ExportRecord> records) {
        byte[] body = body(records);
        long timestamp = config.clock().instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(config.signingSecret(), timestamp, body));
        try {
            SiemHttp.Answer answer = http.post(config.url(), headers, body);
            return answer.success() ? DeliveryResult.all(records.size())
                    : DeliveryResult.partial(0, http.failure(config.url(), answer));
        } catch (SiemHttp.Unanswered e) {
            return DeliveryResult.partial(0, e.failure());
        }
    }

    private byte[] body(List<ExportRecord> records) {
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        for (ExportRecord record : records) {
            Map<String, Object> row = new LinkedHashMap<>(ExportProperties.of(record));
            row.putAll(SecurityAlertRow.of(record.alert(), record.generated(), config.consoleBaseUrl(),
                    ExportProperties.of(record)));
            rows.add(row);
        }
        return JSON.writeValueAsBytes(Map.of("alerts", rows));
    }

    @Override
    public String toString() {
        return "WebhookExporter[" + config.url().getHost() + "]";
    }
}
