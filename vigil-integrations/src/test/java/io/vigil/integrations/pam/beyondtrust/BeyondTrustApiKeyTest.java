package io.vigil.integrations.pam.beyondtrust;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.integrations.pam.ManagedAccount;
import io.vigil.integrations.pam.PamConfig;
import io.vigil.integrations.pam.PamConnector;
import io.vigil.integrations.pam.PamConnectorContract;
import io.vigil.integrations.pam.PamHttpSettings;
import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.simulators.beyondtrust.BeyondTrustSimulator;
import io.vigil.simulators.core.RecordedRequest;
import io.vigil.simulators.core.SimulatorOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** API key with run-as, cookie session, permission-based listing ({@code {TotalCount, Data}} pages). */
class BeyondTrustApiKeyTest extends BeyondTrustContract {

    @Override
    protected PamConfig config(BeyondTrustSimulator sim, PamHttpSettings http, int pageSize) {
        return apiKey(sim, sim.options().apiKey(), http).withPageSize(pageSize);
    }

    @Override
    protected PamConfig configWithWrongSecret(BeyondTrustSimulator sim, PamHttpSettings http, String wrongSecret) {
        return apiKey(sim, wrongSecret, http);
    }

    private static BeyondTrustConfig apiKey(BeyondTrustSimulator sim, String key, PamHttpSettings http) {
        return new BeyondTrustConfig(sim.url(), new BeyondTrustAuth.ApiKey(SecretSupplier.of(key.toCharArray()),
                sim.options().userName(), SecretSupplier.of(sim.options().password().toCharArray()))).withHttp(http);
    }

    @Override
    protected String listingPath() {
        return "/ManagedSystems(/\\d+/ManagedAccounts)?";
    }

    @Override
    protected int signIns(BeyondTrustSimulator sim) {
        return sim.requestsTo("/Auth/SignAppin").size();
    }

    @Test
    void signsInWithPsAuthThenCarriesOnlyTheSessionCookieAndSignsOutOnClose() {
        BeyondTrustSimulator sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));

        connector.listManagedAccounts();
        connector.close();

        RecordedRequest signIn = sim.requestsTo("/Auth/SignAppin").get(0);
        assertThat(signIn.method()).isEqualTo("POST");
        assertThat(signIn.header("Authorization")).isEqualTo("PS-Auth key=" + sim.options().apiKey()
                + "; runas=vigil-svc; pwd=[" + sim.options().password() + "];");
        RecordedRequest list = sim.requestsTo("/ManagedSystems").get(0);
        assertThat(list.header("Cookie")).startsWith(BeyondTrustSimulator.SESSION_COOKIE + "=");
        assertThat(list.header("Authorization")).isNull();
        RecordedRequest signOut = sim.requestsTo("/Auth/Signout").get(0);
        assertThat(signOut.header("Cookie")).isEqualTo(list.header("Cookie"));
    }

    @Test
    void anApiKeyPolicyRegistrationSendsTheKeyAlone() {
        BeyondTrustSimulator sim = simulator(SimulatorOptions.defaults());
        BeyondTrustConfig keyOnly = new BeyondTrustConfig(sim.url(), new BeyondTrustAuth.ApiKey(
                SecretSupplier.of(sim.options().apiKey().toCharArray()), null, null)).withHttp(http());

        assertThat(connector(keyOnly).testConnection().ok()).isTrue();

        assertThat(sim.requestsTo("/Auth/SignAppin").get(0).header("Authorization"))
                .isEqualTo("PS-Auth key=" + sim.options().apiKey() + ";");
    }

    @Test
    void pagesManagedSystemsAndTheirAccountsInTheTotalCountDataShape() {
        BeyondTrustSimulator sim = simulator(SimulatorOptions.defaults().withGeneratedAccounts(5));

        List<ManagedAccount> accounts = connector(config(sim, http(), 3)).listManagedAccounts();

        assertThat(accounts).hasSize(8);
        assertThat(sim.requestsTo("/ManagedSystems/1/ManagedAccounts")).extracting(RecordedRequest::query)
                .containsExactly("limit=3&offset=0", "limit=3&offset=3", "limit=3&offset=6");
        ManagedAccount alice = accounts.stream().filter(a -> a.userName().equals("adm_alice")).findFirst().orElseThrow();
        assertThat(alice.domain()).isEqualTo("lab.local");
        assertThat(alice.userPrincipalName()).isEqualTo("adm_alice@lab.local");
        assertThat(alice.matches(null, null, null, "ADM_ALICE@lab.local")).isTrue();
        assertThat(alice.container()).isEqualTo("lab.local");
        assertThat(alice.platform()).isEqualTo("Directory");
        assertThat(alice.autoManaged()).isTrue();
    }

    @Test
    void queuesTheChangeAndExpects204() {
        BeyondTrustSimulator sim = simulator(SimulatorOptions.defaults());

        connector(config(sim, http(), 50)).requestPasswordChange(vendorId(sim, "adm_alice"));

        RecordedRequest change = sim.requestsTo("/Credentials/Change").get(0);
        assertThat(change.path()).endsWith("/ManagedAccounts/" + vendorId(sim, "adm_alice") + "/Credentials/Change");
        assertThat(change.body()).isEqualTo("{\"Queue\":true}");
    }
}
