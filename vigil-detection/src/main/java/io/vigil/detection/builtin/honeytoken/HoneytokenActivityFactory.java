package io.vigil.detection.builtin.honeytoken;

import io.vigil.detection.spi.SimpleDetectorFactory;

public final class HoneytokenActivityFactory extends SimpleDetectorFactory<HoneytokenActivityConfig> {

    public HoneytokenActivityFactory() {
        super(HoneytokenActivityDetector.ID, HoneytokenActivityConfig.class, HoneytokenActivityConfig.DEFAULTS, HoneytokenActivityDetector::new);
    }
}
