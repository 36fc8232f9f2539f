package io.vigil.server.identities;

import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.Severity;
import io.vigil.model.directory.TaggedIdentity;
import io.vigil.model.identity.Account;
import io.vigil.model.incident.EntityKey;
import io.vigil.server.directory.InventoryIndex;
import io.vigil.store.VigilDatabase;
import io.vigil.store.alerts.AlertFilter;
import io.vigil.store.alerts.AlertOutline;
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
 * alert the filter lets through, newest first, in one pass: the cost grows with the number of alerts.
 */
final class AlertTallies {

    private final Map<UUID, Tally> byGuid = new LinkedHashMap<>();
    private final Map<String, Tally> byKey = new LinkedHashMap<>();

    private AlertTallies() {
    }

    /** Counts the alerts from their outlines, without reading their text or evidence. */
    static AlertTallies count(VigilDatabase database, InventoryIndex index, AlertFilter filter) {
        AlertTallies tallies = new AlertTallies();
        database.alerts().forEachOutline(filter, alert -> tallies.add(alert, index));
        return tallies;
    }

    /** Counts the alerts and keeps each whole in the tallies of the accounts it names (for a detail page). */
    static AlertTallies countAndKeep(VigilDatabase database, InventoryIndex index, AlertFilter filter) {
        AlertTallies tallies = new AlertTallies();
        database.alerts().forEach(filter, stored ->
                tallies.add(AlertOutline.of(stored.alert()), index).forEach(t -> t.kept.add(stored)));
        return tallies;
    }

    /** Counts the alert once in the tally of each account it names; returns those tallies. */
    private Set<Tally> add(AlertOutline alert, InventoryIndex index) {
        Set<Tally> named = new LinkedHashSet<>();
        for (Entity entity : alert.entities()) {
            if (entity instanceof Entity.AccountEntity account) {
                named.add(tallyOf(account, index));
            }
        }
        named.forEach(t -> t.add(alert));
        return named;
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

        void add(AlertOutline alert) {
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
        }

        private static Severity worse(Severity a, Severity b) {
            return a == null || b.compareTo(a) > 0 ? b : a;
        }
    }
}
