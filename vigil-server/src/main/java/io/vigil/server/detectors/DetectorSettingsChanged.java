package io.vigil.server.detectors;

/**
 * Published after a detector's settings were changed and stored, so whoever runs the detectors can
 * re-create it with the new settings.
 */
public record DetectorSettingsChanged(String detectorId) {
}
