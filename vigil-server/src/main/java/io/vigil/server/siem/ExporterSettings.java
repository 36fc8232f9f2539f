package io.vigil.server.siem;

import io.vigil.integrations.siem.SiemKind;
import io.vigil.integrations.siem.cef.SyslogTransport;
import io.vigil.integrations.siem.sentinel.SecurityAlertTable;
import io.vigil.integrations.siem.sentinel.SentinelConfig;
import io.vigil.server.api.InvalidRequestException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The non-secret settings of each kind of exporter, checked and completed with defaults, and the
 * name of its one secret in the secret store ({@code siem/<id>/client-secret}, {@code …/certificate-key},
 * {@code …/signing-secret}; CEF has none).
 */
final class ExporterSettings {

    static final String TENANT_ID = "tenantId";
    static final String CLIENT_ID = "clientId";
    static final String CREDENTIAL = "credential";
    static final String CERTIFICATE = "certificate";
    static final String ENDPOINT = "dataCollectionEndpoint";
    static final String DCR = "dcrImmutableId";
    static final String STREAM = "streamName";
    static final String AUTHORITY = "authorityHost";
    static final String HOST = "host";
    static final String PORT = "port";
    static final String TRANSPORT = "transport";
    static final String FACILITY = "facility";
    static final String TRUSTED_CERTIFICATE = "trustedCertificate";
    static final String URL = "url";

    private static final Map<SiemKind, Set<String>> KNOWN = Map.of(
            SiemKind.SENTINEL, Set.of(TENANT_ID, CLIENT_ID, CREDENTIAL, CERTIFICATE, ENDPOINT, DCR, STREAM, AUTHORITY),
            SiemKind.CEF_SYSLOG, Set.of(HOST, PORT, TRANSPORT, FACILITY, TRUSTED_CERTIFICATE),
            SiemKind.WEBHOOK, Set.of(URL));

    private ExporterSettings() {
    }

    static SiemKind kind(String value) {
        try {
            return SiemKind.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("kind", "kind is one of SENTINEL, CEF_SYSLOG, WEBHOOK");
        }
    }

    /** The settings checked, with defaults filled in. */
    static Map<String, String> check(SiemKind kind, Map<String, String> given) {
        Map<String, String> s = new LinkedHashMap<>(given == null ? Map.of() : given);
        s.values().removeIf(v -> v == null || v.isBlank());
        for (String name : s.keySet()) {
            if (!KNOWN.get(kind).contains(name)) {
                throw new InvalidRequestException("settings." + name, "unknown setting " + name + " for " + kind
                        + "; known: " + KNOWN.get(kind));
            }
        }
        switch (kind) {
            case SENTINEL -> {
                require(s, TENANT_ID, CLIENT_ID, ENDPOINT, DCR);
                s.putIfAbsent(STREAM, SecurityAlertTable.STREAM);
                s.putIfAbsent(AUTHORITY, SentinelConfig.PUBLIC_CLOUD_AUTHORITY.toString());
                s.putIfAbsent(CREDENTIAL, "secret");
                if (!Set.of("secret", CERTIFICATE).contains(s.get(CREDENTIAL))) {
                    throw new InvalidRequestException("settings." + CREDENTIAL, "credential is secret or certificate");
                }
                if (s.get(CREDENTIAL).equals(CERTIFICATE)) {
                    require(s, CERTIFICATE);
                    Pem.certificate("settings." + CERTIFICATE, s.get(CERTIFICATE));
                }
                url(s, ENDPOINT);
                url(s, AUTHORITY);
            }
            case CEF_SYSLOG -> {
                require(s, HOST, PORT);
                int port = integer(s, PORT, 1, 65_535);
                s.put(PORT, Integer.toString(port));
                s.putIfAbsent(TRANSPORT, SyslogTransport.TLS.name());
                transport(s);
                s.putIfAbsent(FACILITY, "10");
                integer(s, FACILITY, 0, 23);
                if (s.containsKey(TRUSTED_CERTIFICATE)) {
                    Pem.certificate("settings." + TRUSTED_CERTIFICATE, s.get(TRUSTED_CERTIFICATE));
                }
            }
            case WEBHOOK -> {
                require(s, URL);
                url(s, URL);
            }
        }
        return s;
    }

    /** The secret store name of the exporter's secret, or null when its kind has none. */
    static String secretName(String id, SiemKind kind, Map<String, String> settings) {
        return switch (kind) {
            case SENTINEL -> "siem/" + id + (CERTIFICATE.equals(settings.get(CREDENTIAL)) ? "/certificate-key" : "/client-secret");
            case WEBHOOK -> "siem/" + id + "/signing-secret";
            case CEF_SYSLOG -> null;
        };
    }

    static SyslogTransport transport(Map<String, String> s) {
        try {
            return SyslogTransport.valueOf(s.get(TRANSPORT).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("settings." + TRANSPORT, "transport is TCP, TLS or UDP");
        }
    }

    private static void require(Map<String, String> s, String... names) {
        for (String name : names) {
            if (!s.containsKey(name)) {
                throw new InvalidRequestException("settings." + name, name + " is required");
            }
        }
    }

    private static int integer(Map<String, String> s, String name, int min, int max) {
        try {
            int value = Integer.parseInt(s.get(name).strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("settings." + name, name + " is a number from " + min + " to " + max);
    }

    private static void url(Map<String, String> s, String name) {
        try {
            URI uri = URI.create(s.get(name).strip());
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidRequestException("settings." + name, name + " is an http(s) URL");
    }
}
