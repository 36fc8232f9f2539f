package io.vigil.store.alerts;

import io.vigil.model.alert.Severity;
import java.time.Instant;

/**
 * The alerts naming one entity, added up.
 *
 * @param entityKey   as {@link io.vigil.model.incident.EntityKey} spells it, e.g. {@code account:contoso\alice}
 * @param lastSeen    the latest end time among them
 * @param highest     the worst severity among them
 * @param openHighest the worst severity among those not resolved, null when all are resolved
 */
public record EntityActivity(String entityKey, long alerts, Instant lastSeen, Severity highest, Severity openHighest) {
}
