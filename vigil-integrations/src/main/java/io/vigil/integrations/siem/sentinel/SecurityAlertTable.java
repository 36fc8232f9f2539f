package io.vigil.integrations.siem.sentinel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns the Sentinel exporter sends: SecurityAlert's own (reference §3.1), with its types as
 * the Logs Ingestion stream declares them. The custom table and data collection rule under
 * {@code deploy/sentinel/} declare exactly these; a test holds them equal. SecurityAlert's
 * deprecated and system columns ({@code Type}, {@code TenantId}, {@code SourceSystem}, {@code _*})
 * are set by Log Analytics itself and cannot be sent.
 */
public final class SecurityAlertTable {

    /** The suggested custom table name (custom tables end in {@code _CL}). */
    public static final String TABLE = "VigilSecurityAlert_CL";
    /** The stream the data collection rule declares for it. */
    public static final String STREAM = "Custom-VigilSecurityAlert";

    /** Column → stream type ({@code string}, {@code datetime}, {@code real}, {@code boolean}). */
    public static final Map<String, String> COLUMNS = columns(
            "TimeGenerated", "datetime",
            "DisplayName", "string",
            "AlertName", "string",
            "AlertSeverity", "string",
            "Description", "string",
            "ProviderName", "string",
            "VendorName", "string",
            "VendorOriginalId", "string",
            "SystemAlertId", "string",
            "ProductName", "string",
            "ProductComponentName", "string",
            "AlertType", "string",
            "ConfidenceLevel", "string",
            "ConfidenceScore", "real",
            "IsIncident", "boolean",
            "StartTime", "datetime",
            "EndTime", "datetime",
            "ProcessingEndTime", "datetime",
            "RemediationSteps", "string",
            "ExtendedProperties", "string",
            "Entities", "string",
            "Tactics", "string",
            "Techniques", "string",
            "SubTechniques", "string",
            "Status", "string",
            "CompromisedEntity", "string",
            "AlertLink", "string");

    private SecurityAlertTable() {
    }

    public static List<String> names() {
        return List.copyOf(COLUMNS.keySet());
    }

    private static Map<String, String> columns(String... namesAndTypes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            out.put(namesAndTypes[i], namesAndTypes[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
