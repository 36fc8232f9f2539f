package io.vigil.server.identities;

import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.Severity;
import io.vigil.model.directory.TaggedIdentity;
import io.vigil.model.identity.Account;
import io.vigil.model.incident.EntityKey;
import io.vigil.server.directory.InventoryIndex;
import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import io.vigil.store.VigilDatabase;
import io.vigil.store.alerts.AlertFilter;
import io.vigil.store.alerts.StoredAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The stored alerts added up per account: an account entity the inventory resolves (by SID, else by
 * name in its domain) counts for that directory identity, any other for its entity key. Reads every
 * alert the filter lets through, which suits one domain's alert volume but is not an index.
 */
final class AlertTallies {

    private final Map<UUID, Tally> byGuid = new LinkedHashMap<>();
    private final Map<String, Tally> byKey = new LinkedHashMap<>();

    private AlertTallies() {
    }

    /** @param keepAlerts whether each tally keeps its alerts (for a detail page), not just counts */
    static AlertTallies collect(VigilDatabase database, InventoryIndex index, AlertFilter filter, boolean keepAlerts) {
        AlertTallies tallies = new AlertTallies();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        Page<StoredAlert> alerts;
        do {
            alerts = database.alerts().find(filter, page);
            for (StoredAlert stored : alerts.items()) {
                Set<Tally> named = new LinkedHashSet<>();
                for (Entity entity : stored.alert().entities()) {
                    if (entity instanceof Entity.AccountEntity account) {
                        named.add(tallies.tallyOf(account, index));
                    }
                }
                named.forEach(t -> t.add(stored, keepAlerts));
            }
            page = page.next();
        } while (alerts.hasNext());
        return tallies;
    }

    private Tally tallyOf(Entity.AccountEntity account, InventoryIndex index) {
        Optional<TaggedIdentity> found = index.resolve(new Account(account.ntDomain(), account.name(), account.sid()));
        if (found.isPresent()) {
            return byGuid.computeIfAbsent(found.get().identity().objectGuid(), g -> new Tally(EntityKey.of(account), account));
        }
        return byKey.computeIfAbsent(EntityKey.of(account), k -> new Tally(k, account));
    }

    Optional<Tally> of(UUID objectGuid) {
        return Optional.ofNullable(byGuid.get(objectGuid));
    }

    Optional<Tally> ofKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Accounts alerts name that the inventory does not hold. */
    Collection<Tally> notInDirectory() {
        return byKey.values();
    }

    /** One account's alerts added up; the first SID any alert gives for it is kept. */
    static final class Tally {
        final String key;
        final Entity.AccountEntity account;
        String sid;
        long alerts;
        Instant lastSeen;
        Severity highest;
        Severity openHighest;
        final Set<String> hosts = new LinkedHashSet<>();
        final List<StoredAlert> kept = new ArrayList<>();

        Tally(String key, Entity.AccountEntity account) {
            this.key = key;
            this.account = account;
            this.sid = account.sid();
        }

        void add(StoredAlert stored, boolean keep) {
            var alert = stored.alert();
            alerts++;
            if (lastSeen == null || alert.endTime().isAfter(lastSeen)) {
                lastSeen = alert.endTime();
            }
            highest = worse(highest, alert.severity());
            if (alert.status() != AlertStatus.RESOLVED) {
                openHighest = worse(openHighest, alert.severity());
            }
            alert.entities().stream().filter(e -> !(e instanceof Entity.AccountEntity))
                    .forEach(e -> hosts.add(e.label()));
            if (sid == null) {
                sid = alert.entities().stream().filter(Entity.AccountEntity.class::isInstance)
                        .map(Entity.AccountEntity.class::cast).filter(a -> EntityKey.of(a).equals(key))
                        .map(Entity.AccountEntity::sid).filter(s -> s != null).findFirst().orElse(null);
            }
            if (keep) {
                kept.add(stored);
            }
        }

        private static Severity worse(Severity a, Severity b) {
            return a == null || b.compareTo(a) > 0 ? b : a;
        }
    }
}
