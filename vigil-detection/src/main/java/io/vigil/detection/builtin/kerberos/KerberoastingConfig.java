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
 *                         tickets usually talks to one or two legacy services. A single ticket alerts
 *                         only when corroborated (next setting).
 * @param singleTicketAfterRc4Tgt also alert on a single such ticket when the same requester got an RC4 (or DES)
 *                         TGT from the same source within the window. Default true: Windows clients whose
 *                         account has AES keys get AES TGTs, while tools that sign in with a password or NT
 *                         hash themselves (Impacket GetUserSPNs, Rubeus asktgt /rc4) offer only RC4 from the
 *                         first request on. Turn off where user accounts still lack AES keys.
 * @param window           how long a source's window stays open from its first such ticket or TGT.
 *                         Default 10 minutes.
 * @param excludedServices service account names (globs, {@code *}) never counted, e.g. a legacy service
 *                         that cannot do AES
 * @param excludedSources  source hosts or IPs (globs) never counted, e.g. a vulnerability scanner
 */
public record KerberoastingConfig(int threshold, boolean singleTicketAfterRc4Tgt, Duration window,
                                  Set<String> excludedServices, Set<String> excludedSources) {

    public static final KerberoastingConfig DEFAULTS =
            new KerberoastingConfig(3, true, Duration.ofMinutes(10), Set.of(), Set.of());

    public KerberoastingConfig {
        ConfigChecks.atLeastOne(threshold, "threshold");
        ConfigChecks.positive(window, "window");
        excludedServices = ConfigChecks.names(excludedServices);
        excludedSources = ConfigChecks.names(excludedSources);
    }
}
