package io.vigil.integrations.pam.beyondtrust;

import io.vigil.integrations.pam.PamConnectorContract;
import io.vigil.simulators.beyondtrust.BeyondTrustSimulator;
import io.vigil.simulators.core.SimulatorOptions;

/** What BeyondTrust's connector tests share whatever the sign-in: the simulator, account ids and paths. */
abstract class BeyondTrustContract extends PamConnectorContract<BeyondTrustSimulator> {

    @Override
    protected BeyondTrustSimulator start(SimulatorOptions options) {
        return BeyondTrustSimulator.start(options);
    }

    @Override
    protected String vendorId(BeyondTrustSimulator sim, String userName) {
        return Integer.toString(sim.vault().byUserName(userName).orElseThrow().id());
    }

    @Override
    protected String changePath() {
        return "/Credentials/Change";
    }

    /** Password Safe has no account audit API (BeyondTrustConnector, docs/pam.md). */
    @Override
    protected String accountActivityPath() {
        return null;
    }
}
