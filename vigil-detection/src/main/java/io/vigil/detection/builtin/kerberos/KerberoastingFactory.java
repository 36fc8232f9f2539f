package io.vigil.detection.builtin.kerberos;

import io.vigil.detection.spi.SimpleDetectorFactory;

public final class KerberoastingFactory extends SimpleDetectorFactory<KerberoastingConfig> {

    public KerberoastingFactory() {
        super(KerberoastingDetector.ID, KerberoastingConfig.class, KerberoastingConfig.DEFAULTS,
                KerberoastingDetector::new);
    }
}
