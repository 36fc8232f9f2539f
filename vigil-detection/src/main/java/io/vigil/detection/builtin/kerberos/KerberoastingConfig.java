package io.vigil.detection.builtin.kerberos;

import io.vigil.detection.builtin.common.ConfigChecks;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of {@code kerberoasting.*}.
 *
 * @param threshold        distinct user service accounts a source must get weakly-encrypted (RC4/DES)
 *                         service tickets for within the window. Default 3: roasting tools ask for every
 *                         SPN they enumerated within seconds, while a client legitimately getting RC4
 *                         tickets usually talks to one or two legacy services; single targeted requests
 *                         are left to a learning-based detector.
 * @param window           how long a source's window stays open from its first such ticket. Default 10 minutes.
 * @param excludedServices service account names (globs, {@code *}) never counted, e.g. a legacy service
 *                         that cannot do AES
 * @param excludedSources  source hosts or IPs (globs) never counted, e.g. a vulnerability scanner
 */
public record KerberoastingConfig(int threshold, Duration window, Set<String> excludedServices,
                                  Set<String> excludedSources) {

    public static final KerberoastingConfig DEFAULTS =
            new KerberoastingConfig(3, Duration.ofMinutes(10), Set.of(), Set.of());

    public KerberoastingConfig {
        ConfigChecks.atLeastOne(threshold, "threshold");
        ConfigChecks.positive(window, "window");
        excludedServices = ConfigChecks.names(excludedServices);
        excludedSources = ConfigChecks.names(excludedSources);
    }
}
