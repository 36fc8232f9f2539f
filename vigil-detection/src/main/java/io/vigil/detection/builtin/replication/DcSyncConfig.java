package io.vigil.detection.builtin.replication;

import io.vigil.detection.builtin.common.ConfigChecks;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of {@code dcsync.*}.
 *
 * @param window           groups one account's replication requests into one alert. Default 1 hour.
 * @param excludedAccounts accounts (globs) allowed to replicate, e.g. {@code MSOL_*} for the Microsoft
 *                         Entra Connect sync account. Empty by default: an excluded account is a blind
 *                         spot, so the operator names it knowingly.
 */
public record DcSyncConfig(Duration window, Set<String> excludedAccounts) {

    public static final DcSyncConfig DEFAULTS = new DcSyncConfig(Duration.ofHours(1), Set.of());

    public DcSyncConfig {
        ConfigChecks.positive(window, "window");
        excludedAccounts = ConfigChecks.names(excludedAccounts);
    }
}
