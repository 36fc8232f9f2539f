package io.vigil.integrations.siem.cef;

import io.vigil.integrations.siem.ExportRecord;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.Severity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An alert in the CEF layout Defender for Identity uses for its SIEM output (reference §1.3 and §3.4):
 * the internal alert type name as signature id, the alert name, priority 3/5/10 for low/medium/high,
 * and the extensions {@code start}, {@code suser}, {@code shost}, {@code msg}, {@code cnt},
 * {@code externalId}, {@code cs1Label=url}, {@code cs2Label=trigger} (new/update) and
 * {@code cs3Label=shostfqdn}; Vigil adds {@code cs4Label=vigilRowId} and {@code end}. Device vendor
 * and product are Vigil's own: a Vigil alert does not claim to come from Microsoft.
 */
public final class CefMessage {

    public static final String VENDOR = "Vigil";
    public static final String PRODUCT = "Vigil";

    private CefMessage() {
    }

    public static String of(ExportRecord record, String productVersion, String consoleBaseUrl) {
        Alert alert = record.alert();
        StringBuilder out = new StringBuilder(512);
        out.append("CEF:0|").append(header(VENDOR)).append('|').append(header(PRODUCT)).append('|')
                .append(header(productVersion)).append('|')
                .append(header(alert.alertTypeName() != null ? alert.alertTypeName() : alert.type())).append('|')
                .append(header(alert.name() != null ? alert.name() : alert.type())).append('|')
                .append(priority(alert.severity()));
        boolean first = true;
        for (var e : extensions(record, consoleBaseUrl).entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            out.append(first ? '|' : ' ').append(e.getKey()).append('=').append(extension(e.getValue()));
            first = false;
        }
        if (first) {
            out.append('|');
        }
        return out.toString();
    }

    /** Defender for Identity's priorities: 3 low, 5 medium, 10 high (informational, which it does not use, 1). */
    static int priority(Severity severity) {
        return switch (severity) {
            case HIGH -> 10;
            case MEDIUM -> 5;
            case LOW -> 3;
            case INFORMATIONAL -> 1;
        };
    }

    private static Map<String, String> extensions(ExportRecord record, String consoleBaseUrl) {
        Alert alert = record.alert();
        Entity.AccountEntity account = first(alert, Entity.AccountEntity.class);
        Entity.HostEntity host = first(alert, Entity.HostEntity.class);
        Map<String, String> x = new LinkedHashMap<>();
        x.put("start", time(alert.startTime()));
        x.put("end", time(alert.endTime()));
        x.put("suser", account == null ? null : account.label());
        x.put("shost", host == null ? null : host.hostName());
        x.put("msg", alert.description());
        x.put("cnt", Long.toString(alert.evidenceCount()));
        x.put("externalId", alert.externalId());
        if (consoleBaseUrl != null && !consoleBaseUrl.isEmpty()) {
            x.put("cs1Label", "url");
            x.put("cs1", consoleBaseUrl + "/alerts/" + alert.id());
        }
        x.put("cs2Label", "trigger");
        x.put("cs2", record.change().trigger());
        if (host != null && host.dnsDomain() != null) {
            x.put("cs3Label", "shostfqdn");
            x.put("cs3", host.label());
        }
        x.put("cs4Label", "vigilRowId");
        x.put("cs4", record.rowId());
        return x;
    }

    private static <T extends Entity> T first(Alert alert, Class<T> type) {
        return alert.entities().stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Header fields escape backslash and pipe. */
    static String header(String value) {
        return oneLine(value).replace("\\", "\\\\").replace("|", "\\|");
    }

    /** Extension values escape backslash and equals, and write line breaks as \n and \r. */
    static String extension(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '=' -> out.append("\\=");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String oneLine(String value) {
        return value == null ? "" : value.replace('\r', ' ').replace('\n', ' ');
    }
}
