package io.vigil.integrations.pam.delinea;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.integrations.pam.PamConfig;
import io.vigil.integrations.pam.PamConnectorContract;
import io.vigil.integrations.pam.PamHttpSettings;
import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.simulators.core.RecordedRequest;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.delinea.DelineaSimulator;
import org.junit.jupiter.api.Test;

/** Delinea Platform: client credentials with scope xpmheadless, then the default active vault. */
class DelineaPlatformTest extends DelineaContract {

    @Override
    protected PamConfig config(DelineaSimulator sim, PamHttpSettings http, int pageSize) {
        return platform(sim, sim.options().clientSecret(), http).withPageSize(pageSize);
    }

    @Override
    protected PamConfig configWithWrongSecret(DelineaSimulator sim, PamHttpSettings http, String wrongSecret) {
        return platform(sim, wrongSecret, http);
    }

    private static DelineaConfig platform(DelineaSimulator sim, String secret, PamHttpSettings http) {
        return new DelineaConfig(new DelineaAuth.PlatformServiceUser(sim.platformUrl(), sim.options().clientId(),
                SecretSupplier.of(secret.toCharArray()))).withHttp(http);
    }

    @Override
    protected int signIns(DelineaSimulator sim) {
        return sim.requestsTo("/xpmplatform").size();
    }

    @Test
    void findsTheDefaultActiveVaultAndCallsItWithThePlatformToken() {
        DelineaSimulator sim = simulator(SimulatorOptions.defaults());

        connector(config(sim, http(), 50)).listManagedAccounts();

        RecordedRequest token = sim.requestsTo("/identity/api/oauth2/token/xpmplatform").get(0);
        assertThat(token.host()).isEqualTo("platform");
        assertThat(token.body()).contains("grant_type=client_credentials").contains("scope=xpmheadless");
        RecordedRequest vaults = sim.requestsTo("/vaultbroker/api/vaults").get(0);
        RecordedRequest list = sim.requestsTo("/api/v1/secrets").get(0);
        assertThat(list.host()).isEqualTo("secretserver");
        assertThat(list.header("Authorization")).isEqualTo(vaults.header("Authorization")).startsWith("Bearer ");
        assertThat(sim.requestsTo("/SecretServer/oauth2/token")).isEmpty();
    }
}
