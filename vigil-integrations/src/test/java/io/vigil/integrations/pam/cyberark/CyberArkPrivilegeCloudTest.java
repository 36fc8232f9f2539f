package io.vigil.integrations.pam.cyberark;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.integrations.pam.PamConfig;
import io.vigil.integrations.pam.PamConnector;
import io.vigil.integrations.pam.PamConnectorContract;
import io.vigil.integrations.pam.PamHttpSettings;
import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.simulators.core.RecordedRequest;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.cyberark.CyberArkSimulator;
import org.junit.jupiter.api.Test;

/** Privilege Cloud: an Identity OAuth confidential client, Bearer tokens, no logoff. */
class CyberArkPrivilegeCloudTest extends CyberArkContract {

    @Override
    protected PamConfig config(CyberArkSimulator sim, PamHttpSettings http, int pageSize) {
        return cloud(sim, sim.options().clientSecret(), http).withPageSize(pageSize);
    }

    @Override
    protected PamConfig configWithWrongSecret(CyberArkSimulator sim, PamHttpSettings http, String wrongSecret) {
        return cloud(sim, wrongSecret, http);
    }

    private static CyberArkConfig cloud(CyberArkSimulator sim, String secret, PamHttpSettings http) {
        return new CyberArkConfig(sim.url(), new CyberArkAuth.IdentityServiceUser(sim.identityUrl(),
                sim.options().clientId(), SecretSupplier.of(secret.toCharArray()))).withHttp(http);
    }

    @Override
    protected int signIns(CyberArkSimulator sim) {
        return sim.requestsTo("/oauth2/platformtoken").size();
    }

    @Test
    void getsATokenFromIdentityWithClientCredentialsAndSendsItAsBearer() {
        CyberArkSimulator sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));

        connector.listManagedAccounts();
        connector.listManagedAccounts();
        connector.close();

        RecordedRequest token = sim.requestsTo("/oauth2/platformtoken").get(0);
        assertThat(token.host()).isEqualTo("identity");
        assertThat(token.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(token.body()).contains("grant_type=client_credentials")
                .contains("client_id=vigil-svc%40cyberark.cloud.12345");
        assertThat(sim.requestsTo("/oauth2/platformtoken")).as("the token is reused until it nears expiry").hasSize(1);
        assertThat(sim.requestsTo("/API/Accounts")).allSatisfy(r -> assertThat(r.header("Authorization")).startsWith("Bearer "));
        assertThat(sim.requestsTo("/Logon")).isEmpty();
        assertThat(sim.requestsTo("/Logoff")).as("Privilege Cloud tokens have no logoff").isEmpty();
    }
}
