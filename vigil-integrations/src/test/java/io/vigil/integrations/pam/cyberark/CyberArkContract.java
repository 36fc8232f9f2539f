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

    /** PSM sessions name the account by user name and address only (docs/pam-vendor-apis.md §1.4). */
    @Override
    protected boolean sessionsNameTheAccountId() {
        return false;
    }

    @Override
    protected String listingPath() {
        return "/API/Accounts";
    }

    @Override
    protected String changePath() {
        return "/Change";
    }

    @Override
    protected String accountActivityPath() {
        return "/Activities";
    }
}
