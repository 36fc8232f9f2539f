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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The alerts per account as the identity list filters and sorts by them (risk, alert count, last
 * seen): one aggregate over the alert entity index, resolved against the inventory. The aggregate
 * grows with the alerts (about 2 s on H2 at 100,000 alerts), so it never runs on a request but the
 * first: a list asked for more than {@link #FRESH_FOR} after the last reading is answered from it
 * while one background thread reads it again. The identity page reads its own alerts and is current.
 */
@Component
class AccountActivity implements DisposableBean {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private final VigilDatabase database;
    private final Clock clock;
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "vigil-account-activity");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Reading reading;
    private Resolved resolved;

    /** One run of the aggregate. */
    private record Reading(Instant at, List<EntityActivity> rows) {
    }

    @Autowired
    AccountActivity(VigilDatabase database) {
        this(database, Clock.systemUTC());
    }

    AccountActivity(VigilDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The last reading resolved against {@code index}; a reading older than {@link #FRESH_FOR} is renewed in the background. */
    synchronized Resolved of(InventoryIndex index) {
        Reading current = reading();
        if (resolved == null || resolved.index != index || resolved.reading != current) {
            resolved = resolve(index, current);
        }
        return resolved;
    }

    private Reading reading() {
        Reading current = reading;
        if (current == null) {
            current = read();
            reading = current;
        } else if (current.at().plus(FRESH_FOR).isBefore(clock.instant()) && refreshing.compareAndSet(false, true)) {
            refresher.execute(() -> {
                try {
                    reading = read();
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return current;
    }

    private Reading read() {
        Instant at = clock.instant();
        return new Reading(at, database.alerts().accountActivity());
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }

    private Resolved resolve(InventoryIndex index, Reading current) {
        Map<UUID, Alerts> byGuid = new HashMap<>();
        Map<String, Alerts> unresolved = new LinkedHashMap<>();
        for (EntityActivity activity : current.rows()) {
            Alerts alerts = new Alerts(activity.entityKey(), activity.alerts(), activity.lastSeen(), activity.highest(),
                    activity.openHighest());
            Optional<TaggedIdentity> identity = index.resolve(accountOf(activity.entityKey()));
            if (identity.isPresent()) {
                byGuid.merge(identity.get().identity().objectGuid(), alerts, Alerts::plus);
            } else {
                unresolved.put(activity.entityKey(), alerts);
            }
        }
        return new Resolved(index, current, byGuid, unresolved);
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
        private final Reading reading;
        private final Map<UUID, Alerts> byGuid;
        private final Map<String, Alerts> unresolved;

        private Resolved(InventoryIndex index, Reading reading, Map<UUID, Alerts> byGuid, Map<String, Alerts> unresolved) {
            this.index = index;
            this.reading = reading;
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
