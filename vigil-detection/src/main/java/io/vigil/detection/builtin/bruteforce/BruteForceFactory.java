package io.vigil.detection.builtin.bruteforce;

import io.vigil.detection.spi.SimpleDetectorFactory;

public final class BruteForceFactory extends SimpleDetectorFactory<BruteForceConfig> {

    public BruteForceFactory() {
        super(BruteForceDetector.ID, BruteForceConfig.class, BruteForceConfig.DEFAULTS, BruteForceDetector::new);
    }
}
