package io.vigil.detection.builtin.bruteforce;

import io.vigil.detection.builtin.common.ConfigChecks;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of {@code brute-force.*}.
 *
 * @param sprayThreshold   distinct accounts one source must fail a password for within the window
 *                         (password spray, horizontal). Default 5: a person mistyping rarely fails for more
 *                         than one or two accounts from one machine; spray tools try dozens.
 * @param attemptThreshold wrong passwords against a single account from one source within the window
 *                         (vertical brute force). Default 10, above the usual lock-out thresholds, so a
 *                         user fumbling a password or a few retries of a stale one stay quiet.
 * @param window           how long a source's window stays open from its first failure. Default 10 minutes:
 *                         a spray round is counted in one window; rounds spaced further apart are
 *                         counted per round.
 * @param excludedSources  source hosts or IPs (globs) never counted, e.g. a known misconfigured appliance
 */
public record BruteForceConfig(int sprayThreshold, int attemptThreshold, Duration window, Set<String> excludedSources) {

    public static final BruteForceConfig DEFAULTS = new BruteForceConfig(5, 10, Duration.ofMinutes(10), Set.of());

    public BruteForceConfig {
        ConfigChecks.atLeastOne(sprayThreshold, "sprayThreshold");
        ConfigChecks.atLeastOne(attemptThreshold, "attemptThreshold");
        ConfigChecks.positive(window, "window");
        excludedSources = ConfigChecks.names(excludedSources);
    }
}
