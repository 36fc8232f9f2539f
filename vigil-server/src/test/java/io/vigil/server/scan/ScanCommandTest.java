package io.vigil.server.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.server.demo.DemoLogWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code vigil scan} and {@code vigil demo} as a user runs them, on the demo recording. */
class ScanCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EVERY_DETECTOR = List.of("account-enumeration", "asrep-roasting",
            "brute-force", "dcsync", "honeytoken-activity", "kerberoasting", "sensitive-group-addition");

    @TempDir
    static Path demo;

    @BeforeAll
    static void writeDemo() throws IOException {
        DemoLogWriter.write(demo);
    }

    private static List<JsonNode> lines(String out) {
        return out.lines().filter(l -> !l.isBlank()).map(JSON::readTree).toList();
    }

    @Test
    void theDemoAttackRaisesOneAlertOfEveryDetector() {
        CliRun run = CliRun.of("scan", demo.toString(), "--honeytoken", "sql_admin_old", "--format", "jsonl");
        assertThat(run.exitCode()).isZero();
        List<JsonNode> alerts = lines(run.out());
        assertThat(alerts.stream().map(a -> a.get("type").asString()).sorted().toList()).isEqualTo(EVERY_DETECTOR);
        for (JsonNode alert : alerts) {
            assertThat(alert.get("techniques").size()).as("MITRE techniques of " + alert.get("type")).isPositive();
            assertThat(alert.get("techniques").get(0).asString()).matches("T\\d{4}(\\.\\d{3})?");
            assertThat(alert.get("evidence").size()).isPositive();
            assertThat(alert.get("evidence").get(0).get("origin").asString()).contains("dc01-security");
        }
        assertThat(run.err()).contains("Events: 63 decoded").contains("Alerts: 7").contains("Errors: 0");
    }

    @Test
    void withoutTheHoneytokenOptionThereIsNoHoneytokenAlert() {
        CliRun run = CliRun.of("scan", demo.toString(), "--format", "jsonl");
        assertThat(lines(run.out())).extracting(a -> a.get("type").asString()).doesNotContain("honeytoken-activity")
                .hasSize(6);
    }

    @Test
    void securityAlertRowsCarrySentinelColumns() {
        CliRun run = CliRun.of("scan", demo.toString(), "--format", "securityalert");
        List<JsonNode> rows = lines(run.out());
        assertThat(rows).hasSize(6);
        for (JsonNode row : rows) {
            assertThat(row.get("Type").asString()).isEqualTo("SecurityAlert");
            assertThat(row.get("AlertSeverity").asString()).isIn("Low", "Medium", "High");
            assertThat(row.get("ExtendedProperties").asString()).contains("ExternalId");
            JsonNode entities = JSON.readTree(row.get("Entities").asString());
            assertThat(entities.isArray()).isTrue();
            assertThat(entities.get(0).get("$id").asString()).isEqualTo("2");
            assertThat(row.get("Techniques").asString() + row.get("SubTechniques").asString()).contains("T");
        }
        JsonNode dcsync = rows.stream().filter(r -> r.get("AlertType").asString()
                .equals("DirectoryServicesReplicationSecurityAlert")).findFirst().orElseThrow();
        assertThat(dcsync.get("SubTechniques").asString()).isEqualTo("T1003.006");
        assertThat(dcsync.get("Tactics").asString()).contains("CredentialAccess");
    }

    @Test
    void csvHasAHeaderAndOneRowPerAlert() {
        CliRun run = CliRun.of("scan", demo.toString(), "--format", "csv");
        List<String> csv = run.out().lines().collect(Collectors.toList());
        assertThat(csv.get(0)).startsWith("id,startTime,endTime,severity,externalId");
        assertThat(csv).hasSize(1 + 6);
        assertThat(run.err()).contains("Alerts: 6");
    }

    @Test
    void theTableIsForPeopleAndEndsWithTheSummary() {
        CliRun run = CliRun.of("scan", demo.toString());
        assertThat(run.out()).contains("Suspected DCSync attack").contains("T1003.006")
                .contains("judy requested RC4 service tickets for 4 service accounts")
                .contains("Alerts: 6").contains("events/s");
    }

    @Test
    void aDetectorSettingChangesWhatIsFound() {
        CliRun run = CliRun.of("scan", demo.toString(), "--format", "jsonl", "--set", "dcsync.enabled=false",
                "--set", "kerberoasting.threshold=5");
        assertThat(lines(run.out())).extracting(a -> a.get("type").asString())
                .doesNotContain("dcsync", "kerberoasting").contains("brute-force");
    }

    @Test
    void usageErrorsExitWithTwoAndNameTheProblem() {
        CliRun unknownSetting = CliRun.of("scan", demo.toString(), "--set", "kerberoasting.treshold=2");
        assertThat(unknownSetting.exitCode()).isEqualTo(2);
        assertThat(unknownSetting.err()).contains("kerberoasting.treshold");
        CliRun badFormat = CliRun.of("scan", demo.toString(), "--format", "pdf");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(CliRun.of("scan").exitCode()).as("no path").isEqualTo(2);
    }

    @Test
    void aMissingPathExitsWithThree() {
        CliRun run = CliRun.of("scan", demo.resolve("no-such-file.evtx").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("no-such-file.evtx").contains("no such file");
    }

    @Test
    void listDetectorsNamesEveryDetectorWithItsDefenderId() {
        CliRun run = CliRun.of("scan", "--list-detectors", demo.toString());
        assertThat(run.exitCode()).isZero();
        for (String id : EVERY_DETECTOR) {
            assertThat(run.out()).contains(id);
        }
        assertThat(run.out()).contains("2410").contains("2006");
    }

    @Test
    void demoWritesItsLogsAndScansThem(@TempDir Path folder) {
        CliRun run = CliRun.of("demo", "--dir", folder.resolve("demo").toString(), "--format", "jsonl");
        assertThat(run.exitCode()).isZero();
        assertThat(lines(run.out())).hasSize(7);
        assertThat(folder.resolve("demo").resolve(DemoLogWriter.XML_FILE)).isRegularFile();
        assertThat(folder.resolve("demo").resolve(DemoLogWriter.JSON_FILE)).isRegularFile();
    }
}
