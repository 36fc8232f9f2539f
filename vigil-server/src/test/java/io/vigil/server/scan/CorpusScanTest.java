package io.vigil.server.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.testsupport.Corpus;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
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

    @Test
    void scanningTheTextAndEvtxCorporaNeverCrashesAndEveryErrorSaysWhere() {
        ScanRun run = ScanRun.of(Corpus.file("security-datasets"), Corpus.file("evtx-attack-samples"));

        assertThat(run.result().events()).isGreaterThan(600_000);
        assertThat(run.result().unreadableSources()).isZero();
        assertThat(run.result().errors()).isEqualTo(run.errors().size());
        assertThat(run.errors()).allSatisfy(e -> {
            assertThat(e.source()).startsWith(Corpus.root().toString());
            if (e.unit().equals("line")) {
                assertThat(e.position()).isPositive();
            }
        });
        // the only undecodable sources in these folders are files that are not event logs at all
        assertThat(run.errors()).extracting(e -> e.message().startsWith("not an event log")
                || e.source().endsWith(".json")).containsOnly(true);
        assertThat(run.alertTypes()).contains("dcsync", "kerberoasting", "brute-force");
    }
}
