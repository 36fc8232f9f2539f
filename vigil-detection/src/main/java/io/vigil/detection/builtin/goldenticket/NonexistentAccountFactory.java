package io.vigil.detection.builtin.goldenticket;

import io.vigil.detection.spi.SimpleDetectorFactory;

public final class NonexistentAccountFactory extends SimpleDetectorFactory<NonexistentAccountConfig> {

    public NonexistentAccountFactory() {
        super(NonexistentAccountDetector.ID, NonexistentAccountConfig.class, NonexistentAccountConfig.DEFAULTS,
                NonexistentAccountDetector::new);
    }
}
