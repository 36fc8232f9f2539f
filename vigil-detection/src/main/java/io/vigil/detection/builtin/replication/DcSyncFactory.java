package io.vigil.detection.builtin.replication;

import io.vigil.detection.spi.SimpleDetectorFactory;

public final class DcSyncFactory extends SimpleDetectorFactory<DcSyncConfig> {

    public DcSyncFactory() {
        super(DcSyncDetector.ID, DcSyncConfig.class, DcSyncConfig.DEFAULTS, DcSyncDetector::new);
    }
}
