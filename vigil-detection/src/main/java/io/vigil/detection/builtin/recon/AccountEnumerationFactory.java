package io.vigil.detection.builtin.recon;

import io.vigil.detection.spi.SimpleDetectorFactory;

public final class AccountEnumerationFactory extends SimpleDetectorFactory<AccountEnumerationConfig> {

    public AccountEnumerationFactory() {
        super(AccountEnumerationDetector.ID, AccountEnumerationConfig.class, AccountEnumerationConfig.DEFAULTS, AccountEnumerationDetector::new);
    }
}
