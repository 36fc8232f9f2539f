package io.vigil.detection.builtin.pam;

import io.vigil.detection.builtin.common.ConfigChecks;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of {@code outside-pam-session.*}.
 *
 * @param window            groups one account's sign-ins outside the vault into one alert. Default 1 hour.
 * @param tolerance         how long before a vault session or checkout starts, and after it ends, a sign-in
 *                          still counts as the vault's (clocks differ; a session's first sign-in may precede
 *                          the vault's record of it). Default 5 minutes.
 * @param grace             how long after a sign-in, in event time, the verdict waits for the vaults' records,
 *                          which arrive by polling. Default 20 minutes, more than a session sync interval.
 * @param giveUpAfter       a sign-in the vaults' records still do not cover this long after it is dropped
 *                          without a verdict, so a vault that cannot be read raises no alerts. Default 2 hours.
 * @param ignoredLogonTypes 4624 logon types not judged: batch (4) and service (5) logons run unattended with
 *                          a password the vault pushed to them. Default 4 and 5.
 * @param excludedAccounts  accounts (globs) never reported
 * @param excludedSources   host names or addresses (globs) whose sign-ins are never reported, e.g. the vault's
 *                          own password managers (CyberArk CPM), which sign in to verify and change passwords
 */
public record OutsidePamSessionConfig(Duration window, Duration tolerance, Duration grace, Duration giveUpAfter,
                                      Set<String> ignoredLogonTypes, Set<String> excludedAccounts,
                                      Set<String> excludedSources) {

    public static final OutsidePamSessionConfig DEFAULTS = new OutsidePamSessionConfig(Duration.ofHours(1),
            Duration.ofMinutes(5), Duration.ofMinutes(20), Duration.ofHours(2), Set.of("4", "5"), Set.of(), Set.of());

    public OutsidePamSessionConfig {
        ConfigChecks.positive(window, "window");
        ConfigChecks.positive(tolerance, "tolerance");
        ConfigChecks.positive(grace, "grace");
        ConfigChecks.positive(giveUpAfter, "giveUpAfter");
        if (giveUpAfter.compareTo(grace) < 0) {
            throw new IllegalArgumentException("giveUpAfter (" + giveUpAfter + ") must be at least grace (" + grace + ")");
        }
        ignoredLogonTypes = ConfigChecks.numbers(ignoredLogonTypes, "ignoredLogonTypes");
        excludedAccounts = ConfigChecks.names(excludedAccounts);
        excludedSources = ConfigChecks.names(excludedSources);
    }
}
