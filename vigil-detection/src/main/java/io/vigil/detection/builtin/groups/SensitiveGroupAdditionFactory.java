package io.vigil.detection.builtin.groups;

import io.vigil.detection.spi.SimpleDetectorFactory;

public final class SensitiveGroupAdditionFactory extends SimpleDetectorFactory<SensitiveGroupAdditionConfig> {

    public SensitiveGroupAdditionFactory() {
        super(SensitiveGroupAdditionDetector.ID, SensitiveGroupAdditionConfig.class, SensitiveGroupAdditionConfig.DEFAULTS, SensitiveGroupAdditionDetector::new);
    }
}
