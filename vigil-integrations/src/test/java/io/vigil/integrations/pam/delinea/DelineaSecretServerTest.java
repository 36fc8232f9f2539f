package io.vigil.integrations.pam.delinea;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.integrations.pam.AccountActivity;
import io.vigil.integrations.pam.ManagedAccount;
import io.vigil.integrations.pam.PamConfig;
import io.vigil.integrations.pam.PamConnector;
import io.vigil.integrations.pam.PamConnectorContract;
import io.vigil.integrations.pam.PamHttpSettings;
import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.simulators.core.CheckoutRecord;
import io.vigil.simulators.core.RecordedRequest;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.delinea.DelineaSimulator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secret Server self-hosted / Cloud: password grant, Bearer token, 403 for an expired token. */
class DelineaSecretServerTest extends DelineaContract {

    @Override
    protected PamConfig config(DelineaSimulator sim, PamHttpSettings http, int pageSize) {
        return login(sim, sim.options().password(), http).withPageSize(pageSize);
    }

    @Override
    protected PamConfig configWithWrongSecret(DelineaSimulator sim, PamHttpSettings http, String wrongSecret) {
        return login(sim, wrongSecret, http);
    }

    private static DelineaConfig login(DelineaSimulator sim, String password, PamHttpSettings http) {
        return new DelineaConfig(new DelineaAuth.SecretServerLogin(sim.url(), sim.options().userName(),
                SecretSupplier.of(password.toCharArray()), null)).withHttp(http);
    }

    @Override
    protected int signIns(DelineaSimulator sim) {
        return sim.requestsTo("/oauth2/token").size();
    }

    @Test
    void signsInWithThePasswordGrantAndAsksForTheDomainAndUserFields() {
        DelineaSimulator sim = simulator(SimulatorOptions.defaults());

        List<ManagedAccount> accounts = connector(config(sim, http(), 50)).listManagedAccounts();

        RecordedRequest token = sim.requestsTo("/SecretServer/oauth2/token").get(0);
        assertThat(token.body()).contains("grant_type=password").contains("username=vigil-svc");
        RecordedRequest list = sim.requestsTo("/api/v1/secrets").get(0);
        assertThat(list.header("Authorization")).startsWith("Bearer ");
        assertThat(list.query()).contains("filter.extendedFields=Domain").contains("filter.extendedFields=Username")
                .contains("filter.includeRestricted=true");
        ManagedAccount sql = accounts.stream().filter(a -> a.userName().equals("svc_sql")).findFirst().orElseThrow();
        assertThat(sql.domain()).isEqualTo("LAB");
        assertThat(sql.platform()).isEqualTo("Active Directory Account");
        assertThat(sql.autoManaged()).isTrue();
    }

    @Test
    void pagesBySkipAndTakeFollowingNextSkip() {
        DelineaSimulator sim = simulator(SimulatorOptions.defaults().withGeneratedAccounts(4));

        assertThat(connector(config(sim, http(), 3)).listManagedAccounts()).hasSize(7);

        assertThat(sim.requestsTo("/api/v1/secrets")).extracting(RecordedRequest::query)
                .allSatisfy(q -> assertThat(q).contains("take=3"))
                .map(q -> q.replaceAll(".*skip=(\\d+).*", "$1")).containsExactly("0", "3", "6");
    }

    @Test
    void sendsAFreshRandomPasswordThatNeverShowsInTheHandle() {
        DelineaSimulator sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));

        var first = connector.requestPasswordChange(vendorId(sim, "svc_sql"));
        connector.requestPasswordChange(vendorId(sim, "adm_alice"));

        List<RecordedRequest> changes = sim.requestsTo("/change-password");
        String p1 = changes.get(0).body().replaceAll(".*\"newPassword\":\"([^\"]+)\".*", "$1");
        String p2 = changes.get(1).body().replaceAll(".*\"newPassword\":\"([^\"]+)\".*", "$1");
        assertThat(p1).hasSize(32).isNotEqualTo(p2);
        assertThat(p1).containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]");
        assertThat(first.toString()).doesNotContain(p1);
    }

    @Test
    void readsASecretsAuditTrailNewestFirstSinceTheGivenTime() {
        DelineaSimulator sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));
        connector.requestPasswordChange(vendorId(sim, "adm_alice"));

        List<AccountActivity> recent = connector.accountActivity(vendorId(sim, "adm_alice"),
                Instant.now().minus(1, ChronoUnit.DAYS));

        assertThat(recent).extracting(AccountActivity::action).containsExactly("CHANGE PASSWORD", "LAUNCH");
        assertThat(recent.get(1).user()).isEqualTo("alice");
        assertThat(recent.get(0).time()).isAfter(recent.get(1).time());
    }

    @Test
    void auditsArePagedNewestFirstUntilTheFirstRecordOlderThanAsked() {
        DelineaSimulator sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 1));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        sim.vault().addCheckout(new CheckoutRecord("c1", "carol", "adm_alice", now.minus(50, ChronoUnit.MINUTES),
                now.minus(20, ChronoUnit.MINUTES)));

        List<AccountActivity> recent = connector.accountActivity(vendorId(sim, "adm_alice"), now.minus(1, ChronoUnit.HOURS));

        assertThat(recent).extracting(AccountActivity::action).containsExactly("CHECKIN", "CHECKOUT");
        // the third page holds the launch of two hours ago, older than asked: no fourth page
        assertThat(sim.requestsTo("/audits")).extracting(RecordedRequest::query)
                .allSatisfy(q -> assertThat(q).contains("take=1").contains("sortBy%5B0%5D.direction=desc")
                        .contains("sortBy%5B0%5D.name=dateRecorded"))
                .map(q -> q.replaceAll(".*[?&]?skip=(\\d+).*", "$1")).containsExactly("0", "1", "2");
    }

    @Test
    void aLaunchIsASessionAndAViewHandsThePasswordOver() {
        DelineaSimulator sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));

        List<AccountActivity> all = connector.accountActivity(vendorId(sim, "adm_alice"), Instant.EPOCH.plusSeconds(1));

        assertThat(all).filteredOn(a -> a.action().equals("LAUNCH")).singleElement()
                .satisfies(a -> assertThat(a.use()).isEqualTo(AccountActivity.Use.LAUNCH));
        assertThat(all).filteredOn(a -> a.action().equals("VIEW")).singleElement()
                .satisfies(a -> assertThat(a.use()).isEqualTo(AccountActivity.Use.CHECKOUT));
    }
}
