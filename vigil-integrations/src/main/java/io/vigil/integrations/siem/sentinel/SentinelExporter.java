package io.vigil.integrations.siem.sentinel;

import io.vigil.integrations.http.TokenCache;
import io.vigil.integrations.siem.DeliveryResult;
import io.vigil.integrations.siem.DeliveryResult.DeliveryFailure;
import io.vigil.integrations.siem.ExportRecord;
import io.vigil.integrations.siem.SiemExporter;
import io.vigil.integrations.siem.internal.SiemFailureException;
import io.vigil.integrations.siem.internal.SiemHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

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

    public SentinelExporter(SentinelConfig config) {
        this.config = config;
        this.http = new SiemHttp("Azure Monitor", config.connectTimeout(), config.requestTimeout(), config.tls(),
                config.clock());
        this.tokens = new TokenCache(new EntraTokenSource(config, http), config.clock());
        this.target = config.ingestionUri();
    }

    @Override
    public int preferredBatchSize() {
        return 2_000;
    }

    @Override
    public DeliveryResult deliver(List<ExportRecord> records) {
        List<byte[]> rows = new ArrayList<>(records.size());
        for (ExportRecord record : records) {
            rows.add(IngestionRows.render(record, config.consoleBaseUrl()));
        }
        int delivered = 0;
        int rowCap = MAX_ROWS_PER_CALL;
        while (delivered < rows.size()) {
            int end = IngestionRows.pack(rows, delivered, config.maxCallBytes(), rowCap).get(0);
            DeliveryFailure failure = send(IngestionRows.array(rows, delivered, end));
            if (failure == null) {
                delivered = end;
                rowCap = MAX_ROWS_PER_CALL;
            } else if (failure.httpStatus() == 413 && end - delivered > 1) {
                rowCap = (end - delivered) / 2;
            } else {
                return DeliveryResult.partial(delivered, failure);
            }
        }
        return DeliveryResult.all(delivered);
    }

    /** One call; null when Azure accepted it. */
    private DeliveryFailure send(byte[] json) {
        byte[] body = gzip(json);
        boolean tokenRenewed = false;
        while (true) {
            SiemHttp.Answer answer;
            try {
                answer = http.post(target, headers(), body);
            } catch (SiemHttp.Unanswered e) {
                return e.failure();
            } catch (SiemFailureException e) {
                return e.failure();
            }
            if (answer.success()) {
                return null;
            }
            if (answer.status() == 401 && !tokenRenewed) {
                tokenRenewed = true;
                tokens.invalidate();
                continue;
            }
            return http.failure(target, answer);
        }
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + tokens.token().value());
        headers.put("Content-Type", "application/json");
        headers.put("Content-Encoding", "gzip");
        return headers;
    }

    /**
     * The fastest deflate level: Azure's 1 MB limit holds for the uncompressed body too, and JSON rows
     * shrink far below that at any level, so a stronger level would cost CPU (three times as much)
     * and buy no larger call, only a few bytes less on the wire.
     */
    private static byte[] gzip(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "SentinelExporter[" + target.getHost() + ", dcr " + config.dcrImmutableId() + ", stream " + config.streamName() + "]";
    }
}
