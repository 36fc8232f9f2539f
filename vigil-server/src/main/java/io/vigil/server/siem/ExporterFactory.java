package io.vigil.server.siem;

import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.integrations.siem.SiemExporter;
import io.vigil.integrations.siem.SiemKind;
import io.vigil.integrations.siem.cef.CefSyslogConfig;
import io.vigil.integrations.siem.cef.CefSyslogExporter;
import io.vigil.integrations.siem.cef.SyslogTransport;
import io.vigil.integrations.siem.sentinel.ClientCredential;
import io.vigil.integrations.siem.sentinel.SentinelConfig;
import io.vigil.integrations.siem.sentinel.SentinelExporter;
import io.vigil.integrations.siem.webhook.WebhookConfig;
import io.vigil.integrations.siem.webhook.WebhookExporter;
import io.vigil.server.config.ServerConfig;
import io.vigil.store.outbox.StoredExporter;
import io.vigil.store.secrets.SecretStore;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLContext;
import org.springframework.stereotype.Component;

/** Builds the exporter a stored configuration describes, its secret read from the secret store when it signs in. */
@Component
class ExporterFactory {

    private final SecretStore secrets;
    private final String consoleBaseUrl;
    private final String productVersion;

    ExporterFactory(SecretStore secrets, ServerConfig config) {
        this.secrets = secrets;
        this.consoleBaseUrl = config.hostnameUrl();
        String version = ExporterFactory.class.getPackage().getImplementationVersion();
        this.productVersion = version == null ? "dev" : version;
    }

    SiemExporter create(StoredExporter stored) {
        SiemKind kind = SiemKind.valueOf(stored.kind());
        var s = stored.settings();
        String secretName = ExporterSettings.secretName(stored.id(), kind, s);
        return switch (kind) {
            case SENTINEL -> new SentinelExporter(SentinelConfig.of(URI.create(s.get(ExporterSettings.AUTHORITY)),
                    s.get(ExporterSettings.TENANT_ID), s.get(ExporterSettings.CLIENT_ID), credential(s, secretName),
                    URI.create(s.get(ExporterSettings.ENDPOINT)), s.get(ExporterSettings.DCR), s.get(ExporterSettings.STREAM),
                    consoleBaseUrl));
            case CEF_SYSLOG -> new CefSyslogExporter(CefSyslogConfig.of(s.get(ExporterSettings.HOST),
                    Integer.parseInt(s.get(ExporterSettings.PORT)), ExporterSettings.transport(s), tls(s), localHostName(),
                    productVersion, consoleBaseUrl).withFacility(Integer.parseInt(s.get(ExporterSettings.FACILITY))));
            case WEBHOOK -> new WebhookExporter(WebhookConfig.of(URI.create(s.get(ExporterSettings.URL)),
                    stored(secretName), consoleBaseUrl));
        };
    }

    private ClientCredential credential(java.util.Map<String, String> s, String secretName) {
        if (ExporterSettings.CERTIFICATE.equals(s.get(ExporterSettings.CREDENTIAL))) {
            char[] key = secrets.reveal(secretName);
            try {
                return new ClientCredential.Certificate(Pem.certificate("certificate", s.get(ExporterSettings.CERTIFICATE)),
                        Pem.rsaKey("secret", key));
            } finally {
                SecretSupplier.wipe(key);
            }
        }
        return new ClientCredential.Secret(stored(secretName));
    }

    /** Reads the secret each time it is needed, so it is decrypted only for as long as a sign-in or signature takes. */
    private SecretSupplier stored(String name) {
        return new SecretSupplier() {
            @Override
            public char[] get() {
                return secrets.reveal(name);
            }

            @Override
            public String toString() {
                return "SecretSupplier[" + name + ", ****]";
            }
        };
    }

    private static SSLContext tls(java.util.Map<String, String> s) {
        if (ExporterSettings.transport(s) != SyslogTransport.TLS || !s.containsKey(ExporterSettings.TRUSTED_CERTIFICATE)) {
            return null;
        }
        return Pem.trusting(Pem.certificate("trustedCertificate", s.get(ExporterSettings.TRUSTED_CERTIFICATE)));
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "vigil";
        }
    }
}
