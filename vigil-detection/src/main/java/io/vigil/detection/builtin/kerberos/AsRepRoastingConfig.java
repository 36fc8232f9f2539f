package io.vigil.detection.builtin.kerberos;

import io.vigil.detection.builtin.common.ConfigChecks;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of {@code asrep-roasting.*}.
 *
 * @param threshold        distinct user accounts a source must get a TGT for without pre-authentication
 *                         within the window. Default 1: like Defender for Identity, a single AS-REP for an
 *                         account whose pre-authentication is off is worth a look.
 * @param window           groups the accounts one source roasts into one alert. Default 10 minutes.
 * @param excludedAccounts accounts (globs) that legitimately run without pre-authentication, e.g. an old
 *                         Unix integration
 */
public record AsRepRoastingConfig(int threshold, Duration window, Set<String> excludedAccounts) {

    public static final AsRepRoastingConfig DEFAULTS = new AsRepRoastingConfig(1, Duration.ofMinutes(10), Set.of());

    public AsRepRoastingConfig {
        ConfigChecks.atLeastOne(threshold, "threshold");
        ConfigChecks.positive(window, "window");
        excludedAccounts = ConfigChecks.names(excludedAccounts);
    }
}
