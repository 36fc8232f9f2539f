package io.vigil.store.pam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.store.AlreadyExistsException;
import io.vigil.store.PageRequest;
import io.vigil.store.VigilDatabase;
import io.vigil.store.testing.DatabaseTest;
import java.time.Instant;
import java.util.List;

class PamRepositoryTest {

    private static PamConnection connection(String id, String name) {
        return new PamConnection(id, name, "CYBERARK", "VAULT_LOGON", "https://pvwa.lab/PasswordVault/", null,
                "svc-vigil", null, List.of("PSM01", "10.0.0.5"), true, null, null, null, null, 0, null, null);
    }

    private static PamAccount account(String connection, String id, String user) {
        return new PamAccount(connection, id, user, "LAB", null, "lab.example", "Tier0", "WinDomain", true, true,
                Instant.parse("2026-11-01T10:00:00Z"));
    }

    @DatabaseTest
    void connectionsKeepTheirAccountsAndAFailureLeavesThemAlone(VigilDatabase db) {
        PamConnectionRepository repo = db.pamConnections();
        PamConnection created = repo.create(connection("c1", "prod vault"));
        assertThat(created.status()).isEqualTo(PamConnection.UNKNOWN);
        assertThatThrownBy(() -> repo.create(connection("c2", "prod vault"))).isInstanceOf(AlreadyExistsException.class);

        repo.replaceAccounts("c1", List.of(account("c1", "12_3", "svc_sql"), account("c1", "12_4", "adm_alice")));
        repo.recordStatus("c1", PamConnection.FAILED, "PVWA answered 503");

        PamConnection after = repo.find("c1").orElseThrow();
        assertThat(after.status()).isEqualTo(PamConnection.FAILED);
        assertThat(after.statusMessage()).isEqualTo("PVWA answered 503");
        assertThat(after.accounts()).isEqualTo(2);
        assertThat(after.sessionHosts()).containsExactly("PSM01", "10.0.0.5");
        assertThat(repo.accounts("c1")).extracting(PamAccount::userName).containsExactly("adm_alice", "svc_sql");
        assertThat(repo.accountsNamed("SVC_SQL")).extracting(PamAccount::accountId).containsExactly("12_3");

        assertThat(repo.delete("c1")).isTrue();
        assertThat(repo.accounts("c1")).isEmpty();
    }

    @DatabaseTest
    void oneResetPerIdempotencyKeyAndStepsOnlyFromTheExpectedState(VigilDatabase db) {
        db.pamConnections().create(connection("c1", "prod vault"));
        PasswordReset request = PasswordReset.request("r1", "key-1", "c1", "12_3", "LAB\\svc_sql", "guid-1",
                "DCSync by svc_sql", "alice", "alert-9", null);

        PasswordResetRepository.Created first = db.passwordResets().createOnce(request);
        PasswordResetRepository.Created retry = db.passwordResets().createOnce(PasswordReset.request("r2", "key-1",
                "c1", "12_3", "LAB\\svc_sql", "guid-1", "again", "alice", null, null));

        assertThat(first.created()).isTrue();
        assertThat(first.reset().state()).isEqualTo("REQUESTED");
        assertThat(retry.created()).isFalse();
        assertThat(retry.reset().id()).isEqualTo("r1");
        assertThat(db.passwordResets().advance("r1", "REQUESTED", "SUBMITTING", null, null)).isTrue();
        assertThat(db.passwordResets().advance("r1", "REQUESTED", "SUBMITTING", null, null)).isFalse();
        assertThat(db.passwordResets().advance("r1", "SUBMITTING", "SUBMITTED", "accepted", "{\"a\":1}")).isTrue();
        assertThat(db.passwordResets().unfinished()).extracting(PasswordReset::id).containsExactly("r1");
        assertThat(db.passwordResets().advance("r1", "SUBMITTED", "SUCCEEDED", "changed", null)).isTrue();
        PasswordReset done = db.passwordResets().get("r1");
        assertThat(done.handle()).isEqualTo("{\"a\":1}");
        assertThat(db.passwordResets().unfinished()).isEmpty();
        assertThat(db.passwordResets().find("LAB\\svc_sql", PageRequest.of(0, 10)).items()).hasSize(1);
        assertThat(db.passwordResets().forIdentity("guid-1")).extracting(PasswordReset::id).containsExactly("r1");
        assertThat(db.passwordResets().forAlerts(List.of("alert-9", "alert-0"))).extracting(PasswordReset::id)
                .containsExactly("r1");
        assertThat(db.passwordResets().forAlerts(List.of())).isEmpty();
    }

    @DatabaseTest
    void aResetWaitingForApprovalIsLeftAloneUntilDecidedOnceAndARejectionIsFinal(VigilDatabase db) {
        db.pamConnections().create(connection("c1", "prod vault"));
        db.passwordResets().createOnce(PasswordReset.request("r1", "auto:a1:g1", "c1", "12_3", "LAB\\svc_sql", "g1",
                "DCSync", "system (automatic response)", "a1", PasswordReset.AWAITING_APPROVAL));
        db.passwordResets().createOnce(PasswordReset.request("r2", "auto:a2:g1", "c1", "12_3", "LAB\\svc_sql", "g1",
                "DCSync", "system (automatic response)", "a2", PasswordReset.AWAITING_APPROVAL));

        assertThat(db.passwordResets().get("r1").state()).isEqualTo(PasswordReset.AWAITING_APPROVAL);
        assertThat(db.passwordResets().unfinished()).isEmpty();

        assertThat(db.passwordResets().decide("r1", true, "carol", null)).isTrue();
        assertThat(db.passwordResets().decide("r1", false, "dave", null)).isFalse();
        assertThat(db.passwordResets().decide("r2", false, "dave", "not this one")).isTrue();

        PasswordReset approved = db.passwordResets().get("r1");
        assertThat(approved.state()).isEqualTo(PasswordReset.REQUESTED);
        assertThat(approved.decidedBy()).isEqualTo("carol");
        assertThat(approved.releasedAt()).isEqualTo(approved.decidedAt()).isNotNull();
        PasswordReset rejected = db.passwordResets().get("r2");
        assertThat(rejected.state()).isEqualTo(PasswordReset.REJECTED);
        assertThat(rejected.message()).isEqualTo("not this one");
        assertThat(db.passwordResets().unfinished()).extracting(PasswordReset::id).containsExactly("r1");
    }
}
