package io.vigil.detection.builtin.kerberos;

import io.vigil.detection.spi.SimpleDetectorFactory;

public final class AsRepRoastingFactory extends SimpleDetectorFactory<AsRepRoastingConfig> {

    public AsRepRoastingFactory() {
        super(AsRepRoastingDetector.ID, AsRepRoastingConfig.class, AsRepRoastingConfig.DEFAULTS, AsRepRoastingDetector::new);
    }
}
