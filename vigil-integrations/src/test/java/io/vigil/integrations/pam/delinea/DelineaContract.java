package io.vigil.integrations.pam.delinea;

import io.vigil.integrations.pam.PamConnectorContract;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.delinea.DelineaSimulator;

/** What Delinea's connector tests share whatever the sign-in: the simulator, account ids and paths. */
abstract class DelineaContract extends PamConnectorContract<DelineaSimulator> {

    @Override
    protected DelineaSimulator start(SimulatorOptions options) {
        return DelineaSimulator.start(options);
    }

    @Override
    protected String vendorId(DelineaSimulator sim, String userName) {
        return Integer.toString(sim.vault().byUserName(userName).orElseThrow().id());
    }

    @Override
    protected String listingPath() {
        return "/api/v1/secrets";
    }

    @Override
    protected String changePath() {
        return "/change-password";
    }

    @Override
    protected String accountActivityPath() {
        return "/audits";
    }
}
