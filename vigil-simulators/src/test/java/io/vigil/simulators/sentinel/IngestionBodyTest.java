package io.vigil.simulators.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class IngestionBodyTest {

    private static final Map<String, String> COLUMNS = new LinkedHashMap<>(Map.of(
            "TimeGenerated", "datetime", "Name", "string", "Score", "real", "Flag", "boolean", "Count", "long",
            "Extra", "dynamic"));
    private final IngestionBody body = new IngestionBody(JsonMapper.builder().build(), COLUMNS, "Custom-Test");

    private IngestionBody.Checked check(String json, boolean keep) {
        return body.check(json.getBytes(StandardCharsets.UTF_8), keep);
    }

    @Test
    void everyRowOfTheDeclaredColumnsAndTypesIsCountedAndKeptAsTheTableWouldHoldIt() {
        IngestionBody.Checked checked = check("""
                [{"TimeGenerated": "2024-05-01T10:00:00Z", "Name": "a", "Score": 1.5, "Flag": true, "Count": 3,
                  "Extra": {"k": [1, "x"]}},
                 {"TimeGenerated": "2024-05-01T10:00:00Z", "Name": null, "Score": null}]""", true);

        assertThat(checked.problem()).isNull();
        assertThat(checked.rows()).isEqualTo(2);
        assertThat(checked.kept().get(0)).containsEntry("Name", "a").containsEntry("Score", 1.5).containsEntry("Flag", true)
                .containsEntry("Count", 3).containsEntry("Extra", Map.of("k", java.util.List.of(1, "x")));
        assertThat(checked.kept().get(1)).containsEntry("Name", null).containsOnlyKeys("TimeGenerated", "Name", "Score");
    }

    @Test
    void aCountingStandInChecksAsMuchAndKeepsNothing() {
        IngestionBody.Checked checked = check("[{\"Name\": \"a\", \"Extra\": [1, {\"b\": 2}]}, {\"Count\": 7}]", false);

        assertThat(checked.problem()).isNull();
        assertThat(checked.rows()).isEqualTo(2);
        assertThat(checked.kept()).isEmpty();
    }

    @Test
    void anUndeclaredColumnOrAWrongTypeIsRefusedNamingTheRecordAndColumn() {
        assertThat(check("[{\"Name\": \"a\"}, {\"Other\": 1}]", false).problem())
                .isEqualTo("Record 1: column 'Other' is not declared in stream Custom-Test.");
        assertThat(check("[{\"Name\": 5}]", false).problem())
                .isEqualTo("Record 0: column 'Name' of type string cannot hold 5.");
        assertThat(check("[{\"Count\": 1.5}]", true).problem())
                .isEqualTo("Record 0: column 'Count' of type long cannot hold 1.5.");
        assertThat(check("[{\"Flag\": \"yes\"}]", false).problem())
                .isEqualTo("Record 0: column 'Flag' of type boolean cannot hold \"yes\".");
    }

    @Test
    void everyDatetimeIsCheckedEvenAfterValidOnesInTheSameColumn() {
        IngestionBody.Checked checked = check("""
                [{"TimeGenerated": "2024-05-01T10:00:00Z"}, {"TimeGenerated": "2024-05-01T10:00:00Z"},
                 {"TimeGenerated": "2024-13-01T10:00:00Z"}]""", false);

        assertThat(checked.problem()).isEqualTo("Record 2: column 'TimeGenerated' of type datetime cannot hold "
                + "\"2024-13-01T10:00:00Z\".");
    }

    @Test
    void aBodyThatIsNotAnArrayOfObjectsOrNotJsonIsRefused() {
        assertThat(check("{\"Name\": \"a\"}", false).problem()).isEqualTo("The body must be a JSON array of records.");
        assertThat(check("", false).problem()).isEqualTo("The body must be a JSON array of records.");
        assertThat(check("[{\"Name\": \"a\"}, 3]", false).problem()).isEqualTo("Record 1 is not a JSON object.");
        assertThat(check("[{\"Name\": \"a\"", false).problem()).isEqualTo("The body is not valid JSON.");
        assertThat(check("[{\"Name\": \"a\"}] x", false).problem()).isEqualTo("The body is not valid JSON.");
    }
}
