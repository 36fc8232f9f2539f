package io.vigil.server.detectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One setting of a detector, as text in the form the detector takes it (durations as {@code PT10M} or
 * {@code 10m}, lists comma-separated).
 *
 * @param value      what the detector uses now: the override when there is one, else the default
 * @param overridden whether an admin set it; {@code updatedBy}/{@code updatedAt} say who and when
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SettingView(String name, String value, String defaultValue, boolean overridden, String updatedBy,
                          Instant updatedAt) {
}
