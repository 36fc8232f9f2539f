package io.vigil.integrations.siem.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.alert.Alert;
import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Classification;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import io.vigil.model.alert.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityAlertRowTest {

    private static final Instant START = Instant.parse("2020-09-21T22:59:08Z");

    private static Alert dcsync() {
        return new Alert("cb95648e-1b6f-4d3b-81b9-7605532787d7", "dcsync", "2006",
                "DirectoryServicesReplicationSecurityAlert",
                "Suspected DCSync attack (replication of directory services)", Severity.HIGH,
                "pgustavo, which is not a domain controller, sent 3 replication requests.",
                List.of("Validate who holds Replicate Directory Changes rights."), START, START.plusSeconds(2),
                List.of(MitreTactic.CREDENTIAL_ACCESS, MitreTactic.PERSISTENCE),
                List.of(MitreTechnique.of("T1003.006", "DCSync")), "THESHIRE\\pgustavo",
                List.of(new Entity.AccountEntity("pgustavo", "THESHIRE", "S-1-5-21-1-2-3-1104"),
                        new Entity.HostEntity("MORDORDC", "theshire.local"), new Entity.IpEntity("172.18.39.5")),
                Map.of("ExternalId", "2006"), List.of(), 3, AlertStatus.NEW, Classification.UNDETERMINED);
    }

    @Test
    void mapsTheAlertOntoSentinelColumns() {
        Map<String, Object> row = SecurityAlertRow.of(dcsync(), START.plusSeconds(60), "https://vigil.corp.local");
        assertThat(row).containsEntry("Type", "SecurityAlert")
                .containsEntry("AlertSeverity", "High")
                .containsEntry("AlertType", "DirectoryServicesReplicationSecurityAlert")
                .containsEntry("Tactics", "CredentialAccess, Persistence")
                .containsEntry("Techniques", "T1003")
                .containsEntry("SubTechniques", "T1003.006")
                .containsEntry("Status", "New")
                .containsEntry("StartTime", "2020-09-21T22:59:08Z")
                .containsEntry("EndTime", "2020-09-21T22:59:10Z")
                .containsEntry("IsIncident", false)
                .containsEntry("AlertLink", "https://vigil.corp.local/alerts/cb95648e-1b6f-4d3b-81b9-7605532787d7")
                .containsEntry("ExtendedProperties", "{\"ExternalId\":\"2006\"}")
                .containsEntry("RemediationSteps", "[\"Validate who holds Replicate Directory Changes rights.\"]");
    }

    @Test
    void entitiesAreAJsonArrayStringWithIdsFromTwo() {
        String entities = (String) SecurityAlertRow.of(dcsync(), START, null).get("Entities");
        assertThat(entities).isEqualTo("[{\"$id\":\"2\",\"Name\":\"pgustavo\",\"NTDomain\":\"THESHIRE\","
                + "\"Sid\":\"S-1-5-21-1-2-3-1104\",\"Type\":\"account\"},"
                + "{\"$id\":\"3\",\"HostName\":\"MORDORDC\",\"DnsDomain\":\"theshire.local\",\"Type\":\"host\"},"
                + "{\"$id\":\"4\",\"Address\":\"172.18.39.5\",\"Type\":\"ip\"}]");
    }

    @Test
    void theJsonLineEscapesAttackerControlledText() {
        String json = SecurityAlertRow.json(dcsync(), START, null);
        assertThat(json).startsWith("{\"TimeGenerated\":").contains("\"Type\":\"SecurityAlert\"")
                .contains("\\\"ExternalId\\\"");
    }
}
