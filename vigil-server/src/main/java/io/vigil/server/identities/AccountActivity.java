package io.vigil.server.identities;

import io.vigil.model.alert.Severity;
import io.vigil.model.directory.TaggedIdentity;
import io.vigil.model.identity.Account;
import io.vigil.server.directory.InventoryIndex;
import io.vigil.store.VigilDatabase;
import io.vigil.store.alerts.EntityActivity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The alerts per account as the identity list filters and sorts by them (risk, alert count, last
 * seen): one aggregate over the alert entity index, resolved against the inventory, and kept for
 * {@link #FRESH_FOR} so that paging, sorting and filtering the list never re-reads the alerts. The
 * identity page reads its own alerts and is always current.
 */
@Component
class AccountActivity {

    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private final VigilDatabase database;
    private final Clock clock;
    private Resolved resolved;

    @Autowired
    AccountActivity(VigilDatabase database) {
        this(database, Clock.systemUTC());
    }

    AccountActivity(VigilDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The activity as of at most {@link #FRESH_FOR} ago, resolved against {@code index}. */
    synchronized Resolved of(InventoryIndex index) {
        Instant now = clock.instant();
        if (resolved == null || resolved.index != index || resolved.takenAt.plus(FRESH_FOR).isBefore(now)) {
            resolved = resolve(index, now);
        }
        return resolved;
    }

    private Resolved resolve(InventoryIndex index, Instant now) {
        Map<UUID, Alerts> byGuid = new HashMap<>();
        Map<String, Alerts> unresolved = new LinkedHashMap<>();
        for (EntityActivity activity : database.alerts().accountActivity()) {
            Alerts alerts = new Alerts(activity.entityKey(), activity.alerts(), activity.lastSeen(), activity.highest(),
                    activity.openHighest());
            Optional<TaggedIdentity> identity = index.resolve(accountOf(activity.entityKey()));
            if (identity.isPresent()) {
                byGuid.merge(identity.get().identity().objectGuid(), alerts, Alerts::plus);
            } else {
                unresolved.put(activity.entityKey(), alerts);
            }
        }
        return new Resolved(index, now, byGuid, unresolved);
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

    static final class Resolved {
        private final InventoryIndex index;
        private final Instant takenAt;
        private final Map<UUID, Alerts> byGuid;
        private final Map<String, Alerts> unresolved;

        private Resolved(InventoryIndex index, Instant takenAt, Map<UUID, Alerts> byGuid, Map<String, Alerts> unresolved) {
            this.index = index;
            this.takenAt = takenAt;
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
