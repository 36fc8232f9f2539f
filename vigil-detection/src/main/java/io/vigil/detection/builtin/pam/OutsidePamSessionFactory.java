package io.vigil.detection.builtin.pam;

import io.vigil.detection.spi.SimpleDetectorFactory;

public final class OutsidePamSessionFactory extends SimpleDetectorFactory<OutsidePamSessionConfig> {

    public OutsidePamSessionFactory() {
        super(OutsidePamSessionDetector.ID, OutsidePamSessionConfig.class, OutsidePamSessionConfig.DEFAULTS,
                OutsidePamSessionDetector::new);
    }
}
