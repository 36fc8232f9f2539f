package io.vigil.integrations.pam.beyondtrust;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.integrations.pam.PamConfig;
import io.vigil.integrations.pam.PamConnector;
import io.vigil.integrations.pam.PamConnectorContract;
import io.vigil.integrations.pam.PamHttpSettings;
import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.simulators.beyondtrust.BeyondTrustSimulator;
import io.vigil.simulators.core.RecordedRequest;
import io.vigil.simulators.core.SimulatorOptions;
import org.junit.jupiter.api.Test;

/** OAuth client credentials then SignAppIn with Bearer; role-based listing (bare array pages). */
class BeyondTrustOAuthTest extends BeyondTrustContract {

    @Override
    protected PamConfig config(BeyondTrustSimulator sim, PamHttpSettings http, int pageSize) {
        return oauth(sim, sim.options().clientSecret(), http).withPageSize(pageSize);
    }

    @Override
    protected PamConfig configWithWrongSecret(BeyondTrustSimulator sim, PamHttpSettings http, String wrongSecret) {
        return oauth(sim, wrongSecret, http);
    }

    private static BeyondTrustConfig oauth(BeyondTrustSimulator sim, String secret, PamHttpSettings http) {
        return new BeyondTrustConfig(sim.url(), new BeyondTrustAuth.OAuthClient(sim.options().clientId(),
                SecretSupplier.of(secret.toCharArray()))).withListing(AccountListing.MANAGED_ACCOUNTS).withHttp(http);
    }

    @Override
    protected String listingPath() {
        return "/ManagedAccounts";
    }

    @Override
    protected int signIns(BeyondTrustSimulator sim) {
        return sim.requestsTo("/Auth/SignAppin").size();
    }

    @Test
    void getsATokenThenOpensTheCookieSessionWithIt() {
        BeyondTrustSimulator sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));

        connector.listManagedAccounts();

        RecordedRequest token = sim.requestsTo("/Auth/Connect/Token").get(0);
        assertThat(token.body()).contains("grant_type=client_credentials");
        assertThat(sim.requestsTo("/Auth/SignAppin").get(0).header("Authorization")).startsWith("Bearer ");
        assertThat(sim.requestsTo("/ManagedAccounts").get(0).header("Cookie")).isNotBlank();
    }

    @Test
    void pagesTheRoleBasedArrayUntilAShortPage() {
        BeyondTrustSimulator sim = simulator(SimulatorOptions.defaults().withGeneratedAccounts(3));

        assertThat(connector(config(sim, http(), 3)).listManagedAccounts()).hasSize(6)
                .allSatisfy(a -> assertThat(a.autoManaged()).as("the role-based listing does not say").isNull());

        assertThat(sim.requestsTo("/ManagedAccounts")).extracting(RecordedRequest::query)
                .containsExactly("limit=3&offset=0", "limit=3&offset=3", "limit=3&offset=6");
    }
}
