package io.vigil.integrations.pam.cyberark;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.integrations.pam.AccountActivity;
import io.vigil.integrations.pam.ChangeHandle;
import io.vigil.integrations.pam.PamConfig;
import io.vigil.integrations.pam.PamConnector;
import io.vigil.integrations.pam.PamConnectorContract;
import io.vigil.integrations.pam.PamException;
import io.vigil.integrations.pam.PamFailure;
import io.vigil.integrations.pam.PamHttpSettings;
import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.simulators.core.Fault;
import io.vigil.simulators.core.RecordedRequest;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.cyberark.CyberArkSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Self-hosted PVWA: logon with a vault user, raw token in {@code Authorization}, logoff on close. */
class CyberArkVaultLogonTest extends CyberArkContract {

    @Override
    protected PamConfig config(CyberArkSimulator sim, PamHttpSettings http, int pageSize) {
        return logon(sim, sim.options().password(), http).withPageSize(pageSize);
    }

    @Override
    protected PamConfig configWithWrongSecret(CyberArkSimulator sim, PamHttpSettings http, String wrongSecret) {
        return logon(sim, wrongSecret, http);
    }

    private static CyberArkConfig logon(CyberArkSimulator sim, String password, PamHttpSettings http) {
        return new CyberArkConfig(sim.url(), new CyberArkAuth.VaultLogon(LogonMethod.CYBERARK, sim.options().userName(),
                SecretSupplier.of(password.toCharArray()))).withHttp(http);
    }

    @Override
    protected int signIns(CyberArkSimulator sim) {
        return sim.requestsTo("/Logon").size();
    }

    @Test
    void logsOnWithTheVaultUserAndSendsTheRawTokenThenLogsOffOnClose() {
        CyberArkSimulator sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));

        connector.listManagedAccounts();
        connector.close();

        RecordedRequest logon = sim.requestsTo("/API/auth/CyberArk/Logon").get(0);
        assertThat(logon.method()).isEqualTo("POST");
        assertThat(logon.header("Content-Type")).startsWith("application/json");
        assertThat(logon.body()).contains("\"username\":\"vigil-svc\"").contains("\"concurrentSession\":true");
        String token = sim.requestsTo("/API/Accounts").get(0).header("Authorization");
        assertThat(token).isNotBlank().doesNotStartWith("Bearer");
        RecordedRequest logoff = sim.requestsTo("/API/Auth/Logoff").get(0);
        assertThat(logoff.method()).isEqualTo("POST");
        assertThat(logoff.header("Authorization")).isEqualTo(token);
    }

    @Test
    void followsNextLinkFromPageToPage() {
        CyberArkSimulator sim = simulator(SimulatorOptions.defaults().withGeneratedAccounts(5));

        assertThat(connector(config(sim, http(), 3)).listManagedAccounts()).hasSize(8);

        assertThat(sim.requestsTo("/API/Accounts")).extracting(RecordedRequest::query)
                .containsExactly("offset=0&limit=3", "offset=3&limit=3", "offset=6&limit=3");
    }

    @Test
    void readsDomainAccountsByLogonDomainAndLocalOnesByHost() {
        CyberArkSimulator sim = simulator(SimulatorOptions.defaults().withAccounts(List.of(
                io.vigil.simulators.core.SeedAccount.domain("svc_sql", "LAB", "lab.local").notAutoManaged(),
                io.vigil.simulators.core.SeedAccount.local("Administrator", "web01.lab.local"))));

        var accounts = connector(config(sim, http(), 50)).listManagedAccounts();

        assertThat(accounts.get(0)).satisfies(a -> {
            assertThat(a.domain()).isEqualTo("LAB");
            assertThat(a.domainQualifiedName()).isEqualTo("LAB\\svc_sql");
            assertThat(a.address()).isEqualTo("lab.local");
            assertThat(a.platform()).isEqualTo("WinDomain");
            assertThat(a.container()).isEqualTo("Domain Admins Safe");
            assertThat(a.autoManaged()).isFalse();
        });
        assertThat(accounts.get(1)).satisfies(a -> {
            assertThat(a.directoryAccount()).isFalse();
            assertThat(a.domain()).isNull();
            assertThat(a.address()).isEqualTo("web01.lab.local");
            assertThat(a.autoManaged()).isTrue();
        });
    }

    @Test
    void asksTheCpmToChangeTheWholeGroupAndRemembersTheStateBefore() {
        CyberArkSimulator sim = simulator(SimulatorOptions.defaults());
        String id = vendorId(sim, "adm_alice");

        ChangeHandle handle = connector(config(sim, http(), 50)).requestPasswordChange(id);

        RecordedRequest change = sim.requestsTo("/API/Accounts/" + id + "/Change").get(0);
        assertThat(change.method()).isEqualTo("POST");
        assertThat(change.body()).isEqualTo("{\"ChangeEntireGroup\":true}");
        // before its first CPM action an account has no status (an open question the client tolerates)
        assertThat(handle.stateBefore()).isNull();
    }

    @Test
    void retryAfterGivenAsAnHttpDateIsWaitedOutFromNow() {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        CyberArkSimulator sim = simulator(SimulatorOptions.defaults());
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(12).atOffset(ZoneOffset.UTC));
        sim.faults().inject(Fault.tooManyRequests(date).onPath("/API/Accounts$"));

        connector(config(sim, http().withClock(Clock.fixed(now, ZoneOffset.UTC)), 50)).listManagedAccounts();

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void aRetryAfterLongerThanVigilWaitsIsReportedNotWaited() {
        CyberArkSimulator sim = simulator(SimulatorOptions.defaults());
        sim.faults().inject(Fault.tooManyRequests("3600").onPath("/API/Accounts$"));

        var outcome = connector(config(sim, http(), 50)).testConnection();

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.failure()).isEqualTo(io.vigil.integrations.pam.PamFailure.RATE_LIMITED);
        assertThat(outcome.message()).contains("asked to wait 3600 s");
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void accountActivitiesKeepPsmConnectionsApartFromRetrievalsAndAskTheAccountsOwnRoute() {
        CyberArkSimulator sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));
        String alice = vendorId(sim, "adm_alice");

        List<AccountActivity> activity = connector.accountActivity(alice, Instant.now().minus(3, ChronoUnit.HOURS));

        assertThat(activity).extracting(AccountActivity::action).containsExactly("PSM Disconnect", "PSM Connect");
        assertThat(activity).extracting(AccountActivity::use).containsOnly(AccountActivity.Use.OTHER);
        assertThat(sim.requestsTo("/Activities")).singleElement()
                .satisfies(r -> assertThat(r.path()).endsWith("/PasswordVault/API/Accounts/" + alice + "/Activities"));
    }

    @Test
    void aPvwaWithoutTheActivitiesRouteIsUnsupportedNotAMissingAccount() {
        CyberArkSimulator sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));
        sim.faults().inject(Fault.status(404).onPath("/Activities"));

        assertThatThrownBy(() -> connector.accountActivity(vendorId(sim, "svc_sql"), Instant.now().minus(1, ChronoUnit.HOURS)))
                .isInstanceOfSatisfying(PamException.class, e -> {
                    assertThat(e.failure()).isEqualTo(PamFailure.UNSUPPORTED);
                    assertThat(e.getMessage()).contains("13.2");
                });
    }
}
