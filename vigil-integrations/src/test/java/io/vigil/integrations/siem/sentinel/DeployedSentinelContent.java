package io.vigil.integrations.siem.sentinel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Sentinel content shipped under {@code deploy/sentinel/}, read as Azure would read it. */
final class DeployedSentinelContent {

    static final Path FOLDER = Path.of("..", "deploy", "sentinel");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DeployedSentinelContent() {
    }

    static JsonNode read(String file) throws Exception {
        return JSON.readTree(Files.readString(FOLDER.resolve(file)));
    }

    static JsonNode resource(JsonNode template, String type) {
        for (JsonNode r : template.get("resources")) {
            if (r.get("type").stringValue().equals(type)) {
                return r;
            }
        }
        throw new AssertionError("no " + type + " in the template");
    }

    /** The DCR's stream declaration: column → type. */
    static Map<String, String> streamColumns() throws Exception {
        JsonNode dcr = resource(read("vigil-securityalert-table-dcr.json"), "Microsoft.Insights/dataCollectionRules");
        return columns(dcr.get("properties").get("streamDeclarations").get(SecurityAlertTable.STREAM).get("columns"));
    }

    /** The custom table's columns: name → type. */
    static Map<String, String> tableColumns() throws Exception {
        JsonNode table = resource(read("vigil-securityalert-table-dcr.json"), "Microsoft.OperationalInsights/workspaces/tables");
        return columns(table.get("properties").get("schema").get("columns"));
    }

    private static Map<String, String> columns(JsonNode array) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode c : array) {
            out.put(c.get("name").stringValue(), c.get("type").stringValue());
        }
        return out;
    }
}
