package io.vigil.integrations.siem.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The ARM templates under deploy/sentinel are well-formed and declare exactly what the exporter sends. */
class SentinelContentTest {

    @Test
    void theStreamDeclaresExactlyTheExportedColumnsAndTypes() throws Exception {
        assertThat(DeployedSentinelContent.streamColumns()).containsExactlyEntriesOf(SecurityAlertTable.COLUMNS);
    }

    @Test
    void theTableHasTheSameColumnsInLogAnalyticsTypes() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        SecurityAlertTable.COLUMNS.forEach((name, type) -> expected.put(name, type.equals("datetime") ? "dateTime" : type));

        assertThat(DeployedSentinelContent.tableColumns()).containsExactlyEntriesOf(expected);
    }

    @Test
    void theDataFlowSendsTheStreamUnchangedIntoTheCustomTable() throws Exception {
        JsonNode template = DeployedSentinelContent.read("vigil-securityalert-table-dcr.json");
        JsonNode flow = DeployedSentinelContent.resource(template, "Microsoft.Insights/dataCollectionRules")
                .get("properties").get("dataFlows").get(0);

        assertThat(template.get("variables").get("streamName").stringValue()).isEqualTo(SecurityAlertTable.STREAM);
        assertThat(flow.get("transformKql").stringValue()).isEqualTo("source");
        assertThat(template.get("parameters").get("tableName").get("defaultValue").stringValue())
                .isEqualTo(SecurityAlertTable.TABLE);
        assertThat(template.get("outputs").has("dataCollectionRuleImmutableId")).isTrue();
    }

    @Test
    void theAnalyticsRuleRunsTheShippedQueryAndMapsEntities() throws Exception {
        JsonNode rule = DeployedSentinelContent.resource(DeployedSentinelContent.read("vigil-analytics-rule.json"),
                "Microsoft.OperationalInsights/workspaces/providers/alertRules");
        String kql = Files.readString(DeployedSentinelContent.FOLDER.resolve("vigil-alerts.kql"));
        String withoutComments = String.join("\n", kql.lines().filter(l -> !l.startsWith("//")).toList());

        assertThat(rule.get("kind").stringValue()).isEqualTo("Scheduled");
        assertThat(rule.get("properties").get("query").stringValue()).isEqualTo(withoutComments);
        assertThat(withoutComments).startsWith(SecurityAlertTable.TABLE)
                .contains("summarize arg_max(TimeGenerated, *) by VigilRowId")
                .contains("summarize arg_max(TimeGenerated, *) by SystemAlertId");
        Map<String, String> mapped = new LinkedHashMap<>();
        for (JsonNode mapping : rule.get("properties").get("entityMappings")) {
            mapped.put(mapping.get("entityType").stringValue().toLowerCase(Locale.ROOT),
                    mapping.get("fieldMappings").get(0).get("columnName").stringValue());
        }
        assertThat(mapped).containsOnlyKeys("account", "host", "ip");
        mapped.values().forEach(column -> assertThat(withoutComments).contains(column));
    }
}
