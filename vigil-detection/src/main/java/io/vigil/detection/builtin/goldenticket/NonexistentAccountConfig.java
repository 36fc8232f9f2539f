package io.vigil.detection.builtin.goldenticket;

import io.vigil.detection.builtin.common.ConfigChecks;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of {@code golden-ticket-nonexistent-account.*}.
 *
 * @param window           groups one account's ticket use into one alert. Default 1 hour.
 * @param recheckAfter     when an account is missing from an inventory read before the ticket was
 *                         used, it may have been created since: the detector asks again this long after
 *                         the first use (in event time) and once more at the window's end. Default 30
 *                         minutes, two syncs at the default sync interval.
 * @param excludedAccounts account names (globs) never reported, e.g. accounts of a trusted realm whose
 *                         names collide with this domain's
 */
public record NonexistentAccountConfig(Duration window, Duration recheckAfter, Set<String> excludedAccounts) {

    public static final NonexistentAccountConfig DEFAULTS =
            new NonexistentAccountConfig(Duration.ofHours(1), Duration.ofMinutes(30), Set.of());

    public NonexistentAccountConfig {
        ConfigChecks.positive(window, "window");
        ConfigChecks.positive(recheckAfter, "recheckAfter");
        excludedAccounts = ConfigChecks.names(excludedAccounts);
    }
}
