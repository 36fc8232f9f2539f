package io.vigil.detection.builtin.groups;

import io.vigil.detection.builtin.common.ConfigChecks;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of {@code sensitive-group-addition.*}.
 *
 * @param window         groups one actor's additions to one group into one alert. Default 1 hour.
 * @param excludedActors accounts (globs) whose additions are expected, e.g. an identity-governance
 *                       service account that provisions administrators
 */
public record SensitiveGroupAdditionConfig(Duration window, Set<String> excludedActors) {

    public static final SensitiveGroupAdditionConfig DEFAULTS =
            new SensitiveGroupAdditionConfig(Duration.ofHours(1), Set.of());

    public SensitiveGroupAdditionConfig {
        ConfigChecks.positive(window, "window");
        excludedActors = ConfigChecks.names(excludedActors);
    }
}
