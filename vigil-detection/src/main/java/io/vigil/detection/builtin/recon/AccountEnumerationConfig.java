package io.vigil.detection.builtin.recon;

import io.vigil.detection.builtin.common.ConfigChecks;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of {@code account-enumeration.*}.
 *
 * @param threshold       distinct non-existent account names one source must try within the window.
 *                        Default 10: typos and stale service configurations produce one or two unknown
 *                        names, name-guessing tools (KrbGuess, kerbrute userenum) hundreds.
 * @param window          how long a source's window stays open from its first unknown name. Default 10 minutes.
 * @param excludedSources source hosts or IPs (globs) never counted
 */
public record AccountEnumerationConfig(int threshold, Duration window, Set<String> excludedSources) {

    public static final AccountEnumerationConfig DEFAULTS =
            new AccountEnumerationConfig(10, Duration.ofMinutes(10), Set.of());

    public AccountEnumerationConfig {
        ConfigChecks.atLeastOne(threshold, "threshold");
        ConfigChecks.positive(window, "window");
        excludedSources = ConfigChecks.names(excludedSources);
    }
}
