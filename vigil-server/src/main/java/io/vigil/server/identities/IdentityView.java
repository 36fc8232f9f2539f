package io.vigil.server.identities;

import java.time.Instant;

/**
 * An account as Vigil knows it so far: from the alerts that name it.
 *
 * @param key             the entity key alerts and incidents use, e.g. {@code account:contoso\alice}
 * @param alertCount      how many alerts name the account
 * @param lastSeen        the end of its latest alert
 * @param highestSeverity the worst severity among those alerts
 */
public record IdentityView(String key, String name, String domain, String sid, long alertCount, Instant lastSeen,
                           String highestSeverity) {
}
