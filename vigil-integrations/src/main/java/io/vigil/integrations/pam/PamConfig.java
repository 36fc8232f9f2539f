package io.vigil.integrations.pam;

/** A vault's connection settings; each vendor's record opens its own connector. */
public interface PamConfig {

    PamVendor vendor();

    /** A connector for these settings. Nothing is sent until the first call. */
    PamConnector open();
}
