package io.vigil.detection.builtin.bruteforce;

import io.vigil.detection.builtin.common.ConfigChecks;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of {@code brute-force.*}.
 *
 * @param sprayThreshold   distinct accounts one source must fail a password for within the window
 *                         (password spray, horizontal). Default 5: a person mistyping rarely fails for more
 *                         than one or two accounts from one machine; spray tools try dozens. Once a source
 *                         has failed a password, the names it tried that do not exist count too: a spray
 *                         runs down a list of names, and enumeration tools send no password to fail.
 * @param attemptThreshold wrong passwords against a single account from one source within the window
 *                         (vertical brute force). Default 10, above the usual lock-out thresholds, so a
 *                         user fumbling a password or a few retries of a stale one stay quiet.
 * @param explicitCredentialThreshold distinct accounts one user must use explicit credentials for (4648) from one
 *                         computer within the window: a spray seen on the attacker's side, where Windows logs
 *                         each attempt as an explicit-credential logon whatever its outcome. Default 10: runas,
 *                         mapped drives and admin tools use one or two alternate accounts, spray tools dozens.
 *                         Logons the system makes for users (the computer account or SYSTEM as subject, as
 *                         winlogon on a terminal server) are never counted.
 * @param window           how long a source's window stays open from its first failure. Default 10 minutes:
 *                         a spray round is counted in one window; rounds spaced further apart are
 *                         counted per round.
 * @param excludedSources  source hosts or IPs (globs) never counted, e.g. a known misconfigured appliance
 */
public record BruteForceConfig(int sprayThreshold, int attemptThreshold, int explicitCredentialThreshold,
                               Duration window, Set<String> excludedSources) {

    public static final BruteForceConfig DEFAULTS = new BruteForceConfig(5, 10, 10, Duration.ofMinutes(10), Set.of());

    public BruteForceConfig {
        ConfigChecks.atLeastOne(sprayThreshold, "sprayThreshold");
        ConfigChecks.atLeastOne(attemptThreshold, "attemptThreshold");
        ConfigChecks.atLeastOne(explicitCredentialThreshold, "explicitCredentialThreshold");
        ConfigChecks.positive(window, "window");
        excludedSources = ConfigChecks.names(excludedSources);
    }
}
