package io.vigil.integrations.siem.sentinel;

import io.vigil.integrations.http.TokenCache;
import io.vigil.integrations.siem.DeliveryResult;
import io.vigil.integrations.siem.DeliveryResult.DeliveryFailure;
import io.vigil.integrations.siem.ExportRecord;
import io.vigil.integrations.siem.SiemExporter;
import io.vigil.integrations.siem.internal.SiemFailureException;
import io.vigil.integrations.siem.internal.SiemHttp;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Microsoft Sentinel through the Azure Monitor Logs Ingestion API: rows with SecurityAlert's columns
 * POSTed as gzip-compressed JSON arrays to the data collection rule's stream, each call under the
 * 1 MB limit. 204 means accepted; 413 splits the call in halves; 401 fetches a new token once (it may
 * have expired early); 429 and 5xx end the attempt with what was accepted so far and the wait
 * Azure asked for, and the delivery worker tries the rest later.
 */
public final class SentinelExporter implements SiemExporter {

    private static final int MAX_ROWS_PER_CALL = 10_000;

    private final SentinelConfig config;
    private final SiemHttp http;
    private final TokenCache tokens;
    private final URI target;
    /** The rows buffer of the last batch, for the next one (taken while in use, so concurrent calls never share it). */
    private final AtomicReference<IngestionRows.Buffer> spareBuffer = new AtomicReference<>();

    public SentinelExporter(SentinelConfig config) {
        this.config = config;
        this.http = new SiemHttp("Azure Monitor", config.connectTimeout(), config.requestTimeout(), config.tls(),
                config.clock());
        this.tokens = new TokenCache(new EntraTokenSource(config, http), config.clock());
        this.target = config.ingestionUri();
    }

    /**
     * About nine full calls: within a batch every call but the first is made ready while the one
     * before is on its way, so the larger the batch the less the SIEM waits for Vigil; the price is
     * what a crash can send twice (at most this batch, with the same row ids).
     */
    @Override
    public int preferredBatchSize() {
        return 6_000;
    }

    /**
     * Sends the batch in calls under the per-call limit, one after the other; while a call is on its
     * way the next one is rendered and compressed, and it is sent only once Azure accepted the one
     * before (so what was accepted is always a run of leading records).
     */
    @Override
    public DeliveryResult deliver(List<ExportRecord> records) {
        IngestionRows.Buffer spare = spareBuffer.getAndSet(null);
        IngestionRows.Buffer buffer = spare != null ? spare : new IngestionRows.Buffer();
        try {
            return deliver(records, buffer);
        } finally {
            spareBuffer.set(buffer);
        }
    }

    private DeliveryResult deliver(List<ExportRecord> records, IngestionRows.Buffer buffer) {
        IngestionRows rows = new IngestionRows(records, config.consoleBaseUrl(), config.maxCallBytes(), buffer);
        int delivered = 0;
        IngestionRows.Call next = records.isEmpty() ? null : rows.call(0, MAX_ROWS_PER_CALL);
        RuntimeException unrenderable = null;
        while (next != null) {
            IngestionRows.Call call = next;
            SiemHttp.Pending pending;
            try {
                pending = http.start(target, headers(), call.gzipped());
            } catch (SiemFailureException e) {
                return DeliveryResult.partial(delivered, e.failure());
            }
            try {
                next = call.to() < rows.size() ? rows.call(call.to(), MAX_ROWS_PER_CALL) : null;
            } catch (RuntimeException e) {
                // a row that cannot be rendered ends the batch after the call in flight, whose answer still counts
                next = null;
                unrenderable = e;
            }
            DeliveryFailure failure = answer(pending, call);
            if (failure == null) {
                delivered = call.to();
            } else if (failure.httpStatus() == 413 && call.rows() > 1) {
                next = rows.call(call.from(), call.rows() / 2);
            } else {
                return DeliveryResult.partial(delivered, failure);
            }
        }
        return delivered == records.size() ? DeliveryResult.all(delivered) : DeliveryResult.partial(delivered,
                DeliveryFailure.retryable(0, null, "Exporter failed: " + unrenderable.getClass().getSimpleName()));
    }

    /** Azure's answer to a call; null when it accepted it. A 401 fetches a new token and sends the call once more. */
    private DeliveryFailure answer(SiemHttp.Pending pending, IngestionRows.Call call) {
        boolean tokenRenewed = false;
        while (true) {
            SiemHttp.Answer answer;
            try {
                answer = pending.answer();
            } catch (SiemHttp.Unanswered e) {
                return e.failure();
            }
            if (answer.success()) {
                return null;
            }
            if (answer.status() != 401 || tokenRenewed) {
                return http.failure(target, answer);
            }
            tokenRenewed = true;
            tokens.invalidate();
            try {
                pending = http.start(target, headers(), call.gzipped());
            } catch (SiemFailureException e) {
                return e.failure();
            }
        }
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + tokens.token().value());
        headers.put("Content-Type", "application/json");
        headers.put("Content-Encoding", "gzip");
        return headers;
    }

    @Override
    public String toString() {
        return "SentinelExporter[" + target.getHost() + ", dcr " + config.dcrImmutableId() + ", stream " + config.streamName() + "]";
    }
}
