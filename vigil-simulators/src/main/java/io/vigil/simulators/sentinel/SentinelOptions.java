package io.vigil.simulators.sentinel;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The tenant, app registration and data collection rule the stand-in knows.
 *
 * @param clientSecret the app's secret (public demo value), or null when only the certificate signs in
 * @param certificate  the app's uploaded certificate for client assertions, or null
 * @param columns      the stream declaration: column → type ({@code string}, {@code datetime}, {@code real},
 *                     {@code boolean}, {@code int}, {@code long}, {@code dynamic})
 * @param maxCallBytes Azure's per-call limit (1 MB), compressed and uncompressed
 * @param keepRows     false only counts accepted rows and keeps no request log (load runs, where a million kept
 *                     rows would fill the heap)
 */
public record SentinelOptions(String tenantId, String clientId, String clientSecret, X509Certificate certificate,
                              String dcrImmutableId, String streamName, Map<String, String> columns,
                              Duration tokenLifetime, int maxCallBytes, Clock clock, boolean keepRows) {

    public static final String DEFAULT_TENANT = "72f988bf-0000-4000-8000-00000000c0de";
    public static final String DEFAULT_CLIENT_ID = "0b1e5a8c-0000-4000-8000-0000000a9900";
    public static final String DEFAULT_CLIENT_SECRET = "Sim-Entra-Secret-1~";
    public static final String DEFAULT_DCR = "dcr-00000000000000000000000000000000";

    public SentinelOptions {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public static SentinelOptions of(String streamName, Map<String, String> columns) {
        return new SentinelOptions(DEFAULT_TENANT, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, null, DEFAULT_DCR, streamName,
                columns, Duration.ofMinutes(60), 1_000_000, Clock.systemUTC(), true);
    }

    public SentinelOptions withCertificate(X509Certificate value) {
        return new SentinelOptions(tenantId, clientId, clientSecret, value, dcrImmutableId, streamName, columns,
                tokenLifetime, maxCallBytes, clock, keepRows);
    }

    public SentinelOptions withTokenLifetime(Duration value) {
        return new SentinelOptions(tenantId, clientId, clientSecret, certificate, dcrImmutableId, streamName, columns,
                value, maxCallBytes, clock, keepRows);
    }

    public SentinelOptions countingRowsOnly() {
        return new SentinelOptions(tenantId, clientId, clientSecret, certificate, dcrImmutableId, streamName, columns,
                tokenLifetime, maxCallBytes, clock, false);
    }

    public SentinelOptions withClock(Clock value) {
        return new SentinelOptions(tenantId, clientId, clientSecret, certificate, dcrImmutableId, streamName, columns,
                tokenLifetime, maxCallBytes, value, keepRows);
    }
}
