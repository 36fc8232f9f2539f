package io.vigil.store.settings;

import java.time.Instant;

/** One setting of one detector (a threshold, an exclusion list, …) as text, with who last changed it. */
public record DetectorSetting(String detectorId, String name, String value, String updatedBy, Instant updatedAt) {
}
