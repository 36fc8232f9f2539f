package io.vigil.server.detectors;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** A detector with whether it runs and every setting it takes, current and default. */
public record DetectorDetailView(@JsonUnwrapped DetectorView detector, boolean enabled, List<SettingView> settings) {
}
