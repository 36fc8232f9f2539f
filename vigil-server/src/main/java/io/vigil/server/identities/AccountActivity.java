package io.vigil.server.identities;

import io.vigil.model.alert.Severity;
import io.vigil.model.directory.TaggedIdentity;
import io.vigil.model.identity.Account;
import io.vigil.server.directory.InventoryIndex;
import io.vigil.store.VigilDatabase;
import io.vigil.store.alerts.EntityActivity;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The alerts per account as the identity list filters and sorts by them (risk, alert count, last
 * seen): one aggregate over the alert entity index, read at one time, resolved against an inventory.
 * The aggregate grows with the alerts (about 2 s on H2 at 100,000 alerts), so {@link IdentityListings}
 * keeps a reading and renews it in the background; the identity page reads its own alerts and is current.
 */
final class AccountActivity {

    private final Instant readAt;
    private final List<EntityActivity> rows;

    private AccountActivity(Instant readAt, List<EntityActivity> rows) {
        this.readAt = readAt;
        this.rows = rows;
    }

    static AccountActivity read(VigilDatabase database, Instant now) {
        return new AccountActivity(now, database.alerts().accountActivity());
    }

    /** When the aggregate was read: a reading is at least as current as any read before it. */
    Instant readAt() {
        return readAt;
    }

    Resolved resolve(InventoryIndex index) {
        Map<UUID, Alerts> byGuid = new HashMap<>();
        Map<String, Alerts> unresolved = new LinkedHashMap<>();
        for (EntityActivity activity : rows) {
            Alerts alerts = new Alerts(activity.entityKey(), activity.alerts(), activity.lastSeen(), activity.highest(),
                    activity.openHighest());
            Optional<TaggedIdentity> identity = index.resolve(accountOf(activity.entityKey()));
            if (identity.isPresent()) {
                byGuid.merge(identity.get().identity().objectGuid(), alerts, Alerts::plus);
            } else {
                unresolved.put(activity.entityKey(), alerts);
            }
        }
        return new Resolved(byGuid, unresolved);
    }

    /** {@code account:lab\alice} as the account it names (folded to lower case, without a SID). */
    static Account accountOf(String entityKey) {
        String label = entityKey.substring(entityKey.indexOf(':') + 1);
        int slash = label.lastIndexOf('\\');
        return slash < 0 ? new Account(null, label, null)
                : new Account(label.substring(0, slash), label.substring(slash + 1), null);
    }

    /** One account's alerts added up; an identity that alerts name in several spellings gets the sum. */
    record Alerts(String key, long count, Instant lastSeen, Severity highest, Severity openHighest) {

        Alerts plus(Alerts other) {
            return new Alerts(key, count + other.count, later(lastSeen, other.lastSeen), worse(highest, other.highest),
                    worse(openHighest, other.openHighest));
        }

        private static Instant later(Instant a, Instant b) {
            return a == null || b != null && b.isAfter(a) ? b : a;
        }

        private static Severity worse(Severity a, Severity b) {
            return a == null || b != null && b.compareTo(a) > 0 ? b : a;
        }
    }

    /** A reading's accounts, as the directory identity each names (by objectGUID) or as alerts alone name them. */
    static final class Resolved {
        private final Map<UUID, Alerts> byGuid;
        private final Map<String, Alerts> unresolved;

        private Resolved(Map<UUID, Alerts> byGuid, Map<String, Alerts> unresolved) {
            this.byGuid = byGuid;
            this.unresolved = unresolved;
        }

        Alerts of(UUID objectGuid) {
            return byGuid.get(objectGuid);
        }

        /** Accounts alerts name that the inventory does not hold. */
        Collection<Alerts> notInDirectory() {
            return unresolved.values();
        }
    }
}
