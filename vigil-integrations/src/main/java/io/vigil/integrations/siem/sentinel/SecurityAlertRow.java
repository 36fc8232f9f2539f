package io.vigil.integrations.siem.sentinel;

import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import java.io.OutputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Maps an alert to a row of Microsoft Sentinel's {@code SecurityAlert} table (reference §3): column
 * names and types as Sentinel defines them, {@code Entities}, {@code ExtendedProperties} and
 * {@code RemediationSteps} as JSON serialised into strings, entity {@code $id}s counted from "2" as
 * real rows do, product fields naming Vigil (a Vigil alert is not a Defender alert, so it does not
 * claim {@code Azure Advanced Threat Protection}; the Defender ids travel in AlertType and
 * ExtendedProperties.ExternalId so rules written for Defender's alerts can be pointed at Vigil).
 */
public final class SecurityAlertRow {

    public static final String PRODUCT_NAME = "Vigil";
    public static final String VENDOR_NAME = "Vigil";

    /**
     * Each row takes four generators (the row and three JSON-valued columns); a buffer pool per thread
     * hands their buffers out without the shared pool's synchronisation.
     */
    private static final JsonFactory JSON = JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();

    private SecurityAlertRow() {
    }

    /** The row as ordered column → value (String, Boolean, or null). */
    public static Map<String, Object> of(Alert alert, Instant generated, String consoleBaseUrl) {
        return of(alert, generated, consoleBaseUrl, Map.of());
    }

    /**
     * The row, with {@code exportProperties} (e.g. the export row id) added to ExtendedProperties,
     * where SecurityAlert keeps what has no column of its own.
     */
    public static Map<String, Object> of(Alert alert, Instant generated, String consoleBaseUrl,
                                         Map<String, String> exportProperties) {
        // sorted: the alert's map has no stable order, and a re-sent row must be byte-for-byte the same
        Map<String, String> properties = new TreeMap<>(alert.extendedProperties());
        properties.putAll(exportProperties);
        String generatedText = generated.toString();
        Map<String, Object> row = new LinkedHashMap<>(64);
        row.put("TimeGenerated", generatedText);
        row.put("AlertName", alert.name());
        row.put("DisplayName", alert.name());
        row.put("AlertSeverity", alert.severity().sentinelName());
        row.put("Description", alert.description());
        row.put("ProductName", PRODUCT_NAME);
        row.put("ProductComponentName", "Identity");
        row.put("ProviderName", PRODUCT_NAME);
        row.put("VendorName", VENDOR_NAME);
        row.put("AlertType", alert.alertTypeName() != null ? alert.alertTypeName() : alert.type());
        row.put("VendorOriginalId", alert.id());
        row.put("SystemAlertId", alert.id());
        row.put("StartTime", alert.startTime().toString());
        row.put("EndTime", alert.endTime().toString());
        row.put("ProcessingEndTime", generatedText);
        row.put("Status", alert.status().sentinelName());
        row.put("CompromisedEntity", alert.compromisedEntity());
        row.put("Tactics", alert.tactics().stream().map(MitreTactic::sentinelName).collect(Collectors.joining(", ")));
        row.put("Techniques", alert.techniques().stream().map(MitreTechnique::parentId).distinct()
                .collect(Collectors.joining(", ")));
        row.put("SubTechniques", alert.techniques().stream().filter(MitreTechnique::isSubTechnique)
                .map(MitreTechnique::id).distinct().collect(Collectors.joining(", ")));
        row.put("AlertLink", consoleBaseUrl == null ? "" : consoleBaseUrl + "/alerts/" + alert.id());
        row.put("ConfidenceLevel", "");
        row.put("ConfidenceScore", null);
        row.put("RemediationSteps", jsonArray(alert.remediationSteps()));
        row.put("ExtendedProperties", jsonObject(properties));
        row.put("Entities", entities(alert.entities()));
        row.put("ExtendedLinks", "");
        row.put("ResourceId", "");
        row.put("SourceComputerId", "");
        row.put("SourceSystem", "Detection");
        row.put("IsIncident", Boolean.FALSE);
        row.put("Type", "SecurityAlert");
        return row;
    }

    /** The row as one line of JSON. */
    public static String json(Alert alert, Instant generated, String consoleBaseUrl) {
        Map<String, Object> row = of(alert, generated, consoleBaseUrl);
        return write(g -> writeObject(g, row, row.keySet()));
    }

    /** The row's {@code columns}, in that order, as one JSON object. */
    static void writeObject(JsonGenerator g, Map<String, Object> row, Iterable<String> columns) {
        g.writeStartObject();
        for (String column : columns) {
            g.writeName(column);
            Object v = row.get(column);
            if (v == null) {
                g.writeNull();
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else {
                g.writeString(v.toString());
            }
        }
        g.writeEndObject();
    }

    /** A generator over UTF-8 bytes, for writing rows without building a tree. */
    static JsonGenerator generator(OutputStream out) {
        return JSON.createGenerator(out);
    }

    static String entities(List<Entity> entities) {
        return write(g -> {
            g.writeStartArray();
            int id = 2;
            Map<Entity, String> written = new LinkedHashMap<>();
            for (Entity e : entities) {
                g.writeStartObject();
                String earlier = written.get(e);
                if (earlier != null) {
                    // Sentinel's Newtonsoft-style reference: a repeated entity points at its first copy
                    g.writeStringProperty("$ref", earlier);
                    g.writeEndObject();
                    continue;
                }
                String own = Integer.toString(id++);
                written.put(e, own);
                g.writeStringProperty("$id", own);
                if (e instanceof Entity.AccountEntity a) {
                    optional(g, "Name", a.name());
                    optional(g, "NTDomain", a.ntDomain());
                    optional(g, "Sid", a.sid());
                } else if (e instanceof Entity.HostEntity h) {
                    optional(g, "HostName", h.hostName());
                    optional(g, "DnsDomain", h.dnsDomain());
                } else if (e instanceof Entity.IpEntity ip) {
                    optional(g, "Address", ip.address());
                }
                g.writeStringProperty("Type", e.type());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private static void optional(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.writeStringProperty(name, value);
        }
    }

    private static String jsonArray(List<String> items) {
        return write(g -> {
            g.writeStartArray();
            for (String s : items) {
                g.writeString(s);
            }
            g.writeEndArray();
        });
    }

    private static String jsonObject(Map<String, String> properties) {
        return write(g -> {
            g.writeStartObject();
            for (var e : properties.entrySet()) {
                g.writeStringProperty(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        });
    }

    private interface JsonWriting {
        void write(JsonGenerator g);
    }

    private static String write(JsonWriting body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        }
        return out.toString();
    }
}
