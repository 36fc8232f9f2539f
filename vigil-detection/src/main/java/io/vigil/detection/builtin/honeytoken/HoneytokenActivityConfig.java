package io.vigil.detection.builtin.honeytoken;

import io.vigil.detection.builtin.common.ConfigChecks;
import java.time.Duration;

/**
 * Settings of {@code honeytoken-activity.*}. Which accounts are honeytokens is the directory's
 * business (configured honeytokens until directory sync exists), not this detector's.
 *
 * @param window groups one account's honeytoken activity into one alert. Default 1 hour.
 */
public record HoneytokenActivityConfig(Duration window) {

    public static final HoneytokenActivityConfig DEFAULTS = new HoneytokenActivityConfig(Duration.ofHours(1));

    public HoneytokenActivityConfig {
        ConfigChecks.positive(window, "window");
    }
}
