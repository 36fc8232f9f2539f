package io.vigil.integrations.siem.sentinel;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Where and as whom the Sentinel exporter sends.
 *
 * @param authorityHost      the Microsoft identity platform, {@code https://login.microsoftonline.com/} (a stand-in in tests)
 * @param ingestionEndpoint  the data collection endpoint (or the DCR's own logs ingestion endpoint)
 * @param dcrImmutableId     the data collection rule's immutable id, {@code dcr-…}
 * @param streamName         the stream the rule declares, {@code Custom-VigilSecurityAlert}
 * @param consoleBaseUrl     Vigil's public base URL for AlertLink; null leaves AlertLink empty
 * @param maxCallBytes       the most a call's JSON may weigh before compression (Azure's limit is 1 MB)
 * @param tls                trust for both hosts; null for the JDK's default
 */
public record SentinelConfig(URI authorityHost, String tenantId, String clientId, ClientCredential credential,
                             URI ingestionEndpoint, String dcrImmutableId, String streamName, String consoleBaseUrl,
                             int maxCallBytes, Duration connectTimeout, Duration requestTimeout, SSLContext tls,
                             Clock clock) {

    public static final URI PUBLIC_CLOUD_AUTHORITY = URI.create("https://login.microsoftonline.com/");
    public static final String API_VERSION = "2023-01-01";
    /** The Logs Ingestion API's audience; {@code //.default} is how the platform spells "all its static permissions". */
    public static final String SCOPE = "https://monitor.azure.com//.default";
    public static final int AZURE_CALL_LIMIT = 1_000_000;

    public SentinelConfig {
        Objects.requireNonNull(authorityHost, "authorityHost");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(ingestionEndpoint, "ingestionEndpoint");
        Objects.requireNonNull(dcrImmutableId, "dcrImmutableId");
        Objects.requireNonNull(streamName, "streamName");
        if (maxCallBytes < 1024 || maxCallBytes > AZURE_CALL_LIMIT) {
            throw new IllegalArgumentException("maxCallBytes must be between 1 KB and 1 MB");
        }
    }

    public static SentinelConfig of(URI authorityHost, String tenantId, String clientId, ClientCredential credential,
                                    URI ingestionEndpoint, String dcrImmutableId, String streamName, String consoleBaseUrl) {
        return new SentinelConfig(authorityHost, tenantId, clientId, credential, ingestionEndpoint, dcrImmutableId,
                streamName, consoleBaseUrl, AZURE_CALL_LIMIT, Duration.ofSeconds(10), Duration.ofSeconds(30), null,
                Clock.systemUTC());
    }

    public SentinelConfig withMaxCallBytes(int value) {
        return new SentinelConfig(authorityHost, tenantId, clientId, credential, ingestionEndpoint, dcrImmutableId,
                streamName, consoleBaseUrl, value, connectTimeout, requestTimeout, tls, clock);
    }

    public SentinelConfig withTimeouts(Duration connect, Duration request) {
        return new SentinelConfig(authorityHost, tenantId, clientId, credential, ingestionEndpoint, dcrImmutableId,
                streamName, consoleBaseUrl, maxCallBytes, connect, request, tls, clock);
    }

    public SentinelConfig withClock(Clock value) {
        return new SentinelConfig(authorityHost, tenantId, clientId, credential, ingestionEndpoint, dcrImmutableId,
                streamName, consoleBaseUrl, maxCallBytes, connectTimeout, requestTimeout, tls, value);
    }

    /** {@code {authority}/{tenant}/oauth2/v2.0/token}. */
    public URI tokenEndpoint() {
        String base = authorityHost.toString().endsWith("/") ? authorityHost.toString() : authorityHost + "/";
        return URI.create(base + tenantId + "/oauth2/v2.0/token");
    }

    /** {@code {endpoint}/dataCollectionRules/{dcr}/streams/{stream}?api-version=2023-01-01}. */
    public URI ingestionUri() {
        String base = ingestionEndpoint.toString().endsWith("/") ? ingestionEndpoint.toString() : ingestionEndpoint + "/";
        return URI.create(base + "dataCollectionRules/" + dcrImmutableId + "/streams/" + streamName
                + "?api-version=" + API_VERSION);
    }
}
