package io.vigil.server.console.settings.integrations;

import static io.vigil.server.console.settings.internal.FormValues.secret;
import static io.vigil.server.console.settings.internal.FormValues.text;

import io.vigil.integrations.siem.SiemKind;
import io.vigil.server.console.settings.internal.FormField;
import io.vigil.server.console.settings.internal.FormField.Choice;
import io.vigil.server.siem.SiemExporterRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each SIEM exporter kind's connect form, and the request to {@code SiemExporterService} a submitted one
 * makes. The settings fields carry the API's setting names; the service checks them.
 */
final class ExporterForms {

    private static final String CLIENT_SECRET = "clientSecret";
    private static final String PRIVATE_KEY = "privateKey";
    private static final String SIGNING_SECRET = "signingSecret";

    private ExporterForms() {
    }

    static List<FormField> fields(SiemKind kind) {
        List<FormField> fields = new ArrayList<>();
        fields.add(FormField.text("id", "ID").hint("Lower-case letters, digits and dashes, e.g. sentinel-prod"));
        fields.add(FormField.text("name", "Name").optional());
        fields.addAll(settings(kind));
        switch (kind) {
            case SENTINEL -> {
                fields.add(FormField.secret(CLIENT_SECRET, "Client secret").optional()
                        .hint("With the client secret credential"));
                fields.add(FormField.secretTextArea(PRIVATE_KEY, "Private key (PKCS#8 PEM)").optional()
                        .hint("With the certificate credential"));
            }
            case WEBHOOK -> fields.add(FormField.secret(SIGNING_SECRET, "Signing secret")
                    .hint("The receiver checks each request's HMAC-SHA256 signature with it"));
            case CEF_SYSLOG -> {
                // a syslog collector takes no credential
            }
        }
        return fields;
    }

    static SiemExporterRequest request(SiemKind kind, Map<String, String> form) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (FormField field : settings(kind)) {
            String value = text(form, field.name());
            if (value != null) {
                settings.put(field.name(), value);
            }
        }
        return new SiemExporterRequest(text(form, "id"), text(form, "name"), kind.name(), true, settings,
                secretOf(kind, form, settings), null);
    }

    /** Only the enabled flag changes, at the version the page showed. */
    static SiemExporterRequest withEnabled(boolean enabled, long version) {
        return new SiemExporterRequest(null, null, null, enabled, null, null, version);
    }

    private static String secretOf(SiemKind kind, Map<String, String> form, Map<String, String> settings) {
        return switch (kind) {
            case SENTINEL -> secret(form, "certificate".equals(settings.get("credential")) ? PRIVATE_KEY : CLIENT_SECRET);
            case WEBHOOK -> secret(form, SIGNING_SECRET);
            case CEF_SYSLOG -> null;
        };
    }

    private static List<FormField> settings(SiemKind kind) {
        return switch (kind) {
            case SENTINEL -> List.of(
                    FormField.text("tenantId", "Tenant id"),
                    FormField.text("clientId", "Application (client) id"),
                    FormField.text("dataCollectionEndpoint", "Data collection endpoint")
                            .hint("e.g. https://vigil-dce.westeurope-1.ingest.monitor.azure.com"),
                    FormField.text("dcrImmutableId", "Data collection rule immutable id"),
                    FormField.text("streamName", "Stream").optional().hint("Default: the SecurityAlert custom table's stream"),
                    FormField.text("authorityHost", "Authority").optional().hint("Default: the public cloud's login host"),
                    FormField.select("credential", "Credential", List.of(new Choice("secret", "Client secret"),
                            new Choice("certificate", "Certificate"))),
                    FormField.textArea("certificate", "Certificate (PEM)").optional()
                            .hint("With the certificate credential: the public certificate registered for the app"));
            case CEF_SYSLOG -> List.of(
                    FormField.text("host", "Collector host"),
                    FormField.number("port", "Port").hint("Usually 6514 for TLS, 514 for TCP or UDP"),
                    FormField.select("transport", "Transport", List.of(new Choice("TLS", "TLS"), new Choice("TCP", "TCP"),
                            new Choice("UDP", "UDP"))),
                    FormField.number("facility", "Facility").optional().hint("0 to 23; default 10"),
                    FormField.textArea("trustedCertificate", "Trusted certificate (PEM)").optional()
                            .hint("For a collector whose TLS certificate the system does not trust"));
            case WEBHOOK -> List.of(FormField.text("url", "URL").hint("Where Vigil POSTs each alert as JSON"));
        };
    }
}
