package io.vigil.simulators.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private static RecordedRequest request(String path) {
        return new RecordedRequest("h", "GET", path, null, Map.of(), "");
    }

    @Test
    void aFaultAppliesToMatchingPathsForItsNumberOfUsesInOrder() {
        Faults faults = new Faults()
                .inject(Fault.status(503).times(2).onPath("/accounts$"))
                .inject(Fault.tooManyRequests("9"));

        Fault first = faults.take(request("/API/Accounts"));
        Fault logon = faults.take(request("/API/auth/CyberArk/Logon"));
        Fault second = faults.take(request("/API/Accounts"));
        Fault none = faults.take(request("/API/Accounts"));

        assertThat(List.of(first.status(), second.status())).containsExactly(503, 503);
        assertThat(logon.status()).isEqualTo(429);
        assertThat(logon.retryAfterValue()).isEqualTo("9");
        assertThat(none).isNull();
    }

    @Test
    void aChangeFinishesAfterTheConfiguredPollsAndFailsForTheAccountsToldTo() {
        Vault vault = new Vault(SimulatorOptions.defaults().withPollsUntilChangeCompletes(3).withFailingChanges("adm_alice"));
        VaultAccount sql = vault.byUserName("svc_sql").orElseThrow();
        VaultAccount alice = vault.byUserName("adm_alice").orElseThrow();
        var before = sql.lastChange();

        vault.requestChange(sql);
        vault.requestChange(alice);
        for (int i = 0; i < 2; i++) {
            vault.observe(sql);
            vault.observe(alice);
        }
        assertThat(sql.status()).isEqualTo(ChangeStatus.IN_PROGRESS);
        vault.observe(sql);
        vault.observe(alice);

        assertThat(sql.status()).isEqualTo(ChangeStatus.SUCCEEDED);
        assertThat(sql.lastChange()).isAfter(before);
        assertThat(alice.status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(alice.failureReason()).isNotBlank();
        assertThat(alice.lastChange()).isEqualTo(before);
    }
}
