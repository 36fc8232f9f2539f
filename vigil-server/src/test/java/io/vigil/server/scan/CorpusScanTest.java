package io.vigil.server.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.testsupport.Corpus;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The acceptance of the foundation, on real public attack recordings (../shared/data). */
class CorpusScanTest {

    private static final String HOSTS = "security-datasets/datasets/atomic/windows/";

    @Test
    void purplesharpPlaybookGivesThePasswordSprayAndTheKerberoastingAndNothingElse() {
        ScanRun run = ScanRun.of(Corpus.file(HOSTS + "lateral_movement/host/purplesharp_ad_playbook_I.zip"));

        assertThat(run.errors()).isEmpty();
        assertThat(run.result().events()).isEqualTo(25_993);
        assertThat(run.alertTypes()).containsExactly("brute-force", "kerberoasting");

        Alert roast = run.only("kerberoasting");
        assertThat(roast.evidenceCount()).isEqualTo(5);
        assertThat(roast.description()).contains("pgustavo", "sysmonsvc", "nxlogsvc", "defensesvc", "otrsvc",
                "mordorsvc", "172.18.39.5");
        assertThat(roast.techniqueIds()).containsExactly("T1558.003");
        assertThat(roast.entities()).contains(new Entity.IpEntity("172.18.39.5"));

        Alert spray = run.only("brute-force");
        assertThat(spray.description()).contains("WORKSTATION5", "7 accounts", "password spray");
        assertThat(spray.techniqueIds()).contains("T1110.003");
        assertThat(spray.entities()).filteredOn(e -> e instanceof Entity.AccountEntity).hasSize(7);
    }

    @Test
    void bothOtrfDcSyncRecordingsGiveDcSyncByTheUserWhoReplicated() {
        for (String recording : new String[] {"empire_dcsync_dcerpc_drsuapi_DsGetNCChanges.zip",
            "covenant_dcsync_dcerpc_drsuapi_DsGetNCChanges.zip"}) {
            ScanRun run = ScanRun.of(Corpus.file(HOSTS + "credential_access/host/" + recording));
            Alert dcsync = run.only("dcsync");
            assertThat(dcsync.externalId()).isEqualTo("2006");
            assertThat(dcsync.compromisedEntity()).as(recording).containsIgnoringCase("pgustavo");
            assertThat(dcsync.description()).contains("DS-Replication-Get-Changes-All", "MORDORDC");
            assertThat(dcsync.techniqueIds()).containsExactly("T1003.006");
        }
    }

    /**
     * The whole corpus, EVTX and text alike, in one scan: it never crashes, says where every error is,
     * and finds exactly the attacks listed in vigil-detection's {@code corpus-expectations.md}, each
     * in the file that recorded it.
     */
    @Test
    void theWholeCorpusGivesExactlyTheExpectedAlertsEachFromItsOwnFile() {
        ScanRun run = ScanRun.of(Corpus.file("security-datasets"), Corpus.file("evtx-attack-samples"),
                Corpus.file("deepbluecli"), Corpus.file("yamato-samples"));

        assertThat(run.result().events()).isGreaterThan(600_000);
        assertThat(run.result().unreadableSources()).isZero();
        assertThat(run.result().errors()).isEqualTo(run.errors().size());
        assertThat(run.errors()).allSatisfy(e -> {
            assertThat(e.source()).startsWith(Corpus.root().toString());
            if (e.unit().equals("line")) {
                assertThat(e.position()).isPositive();
            }
        });
        // undecodable here means: not an event log at all (pictures, markdown, YAML), or one JSON settings file
        assertThat(run.errors()).allSatisfy(e -> assertThat(e.message().startsWith("not an event log")
                || e.source().endsWith(".vscode/settings.json")).as(e.toString()).isTrue());

        Map<String, List<String>> byFile = new TreeMap<>();
        for (Alert alert : run.result().alerts()) {
            String origin = alert.evidence().get(0).origin();
            String file = Corpus.root().relativize(Path.of(origin.substring(0, originEnd(origin)))).toString();
            byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(alert.type());
        }
        byFile.values().forEach(types -> types.sort(null));
        assertThat(byFile).isEqualTo(Map.ofEntries(
                Map.entry(HOSTS + "lateral_movement/host/purplesharp_ad_playbook_I.zip",
                        List.of("brute-force", "kerberoasting")),
                Map.entry(HOSTS + "credential_access/host/empire_dcsync_dcerpc_drsuapi_DsGetNCChanges.zip",
                        List.of("dcsync")),
                Map.entry(HOSTS + "credential_access/host/covenant_dcsync_dcerpc_drsuapi_DsGetNCChanges.zip",
                        List.of("dcsync")),
                Map.entry("evtx-attack-samples/Credential Access/CA_DCSync_4662.evtx", List.of("dcsync")),
                Map.entry("evtx-attack-samples/Credential Access/kerberos_pwd_spray_4771.evtx",
                        List.of("brute-force")),
                Map.entry("evtx-attack-samples/Persistence/Network_Service_Guest_added_to_admins_4732.evtx",
                        List.of("sensitive-group-addition")),
                Map.entry("deepbluecli/evtx/smb-password-guessing-security.evtx", List.of("brute-force")),
                Map.entry("deepbluecli/evtx/password-spray.evtx", List.of("brute-force")),
                Map.entry("deepbluecli/evtx/new-user-security.evtx", List.of("sensitive-group-addition")),
                Map.entry("yamato-samples/YamatoSecurity/CredentialAccess/"
                        + "T1558.003_StealOrForgeKerberosTicketsKerberoasting_Security.evtx", List.of("kerberoasting")),
                Map.entry("yamato-samples/YamatoSecurity/CredentialAccess/"
                        + "T1558.004_StealOrForgeKerberosTicketsAS-REP-Roasting_Security.evtx",
                        List.of("asrep-roasting"))));
    }

    /** Evidence origins are {@code file[!entry]:position}; the file ends at the archive mark or the last colon. */
    private static int originEnd(String origin) {
        int bang = origin.indexOf('!');
        return bang > 0 ? bang : origin.lastIndexOf(':');
    }
}
