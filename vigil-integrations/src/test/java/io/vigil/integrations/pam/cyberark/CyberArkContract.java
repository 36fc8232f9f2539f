package io.vigil.integrations.pam.cyberark;

import io.vigil.integrations.pam.PamConnectorContract;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.cyberark.CyberArkSimulator;

/** What CyberArk's connector tests share whatever the sign-in: the simulator, account ids and paths. */
abstract class CyberArkContract extends PamConnectorContract<CyberArkSimulator> {

    @Override
    protected CyberArkSimulator start(SimulatorOptions options) {
        return CyberArkSimulator.start(options);
    }

    @Override
    protected String vendorId(CyberArkSimulator sim, String userName) {
        return sim.accountId(sim.vault().byUserName(userName).orElseThrow());
    }

    @Override
    protected String listingPath() {
        return "/API/Accounts";
    }

    @Override
    protected String changePath() {
        return "/Change";
    }
}
