package io.vigil.server.identities;

import io.vigil.model.alert.Entity;
import io.vigil.model.alert.Severity;
import io.vigil.model.incident.EntityKey;
import io.vigil.server.api.ApiValues;
import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import io.vigil.store.VigilDatabase;
import io.vigil.store.alerts.AlertFilter;
import io.vigil.store.alerts.StoredAlert;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Identities as known from events so far: the account entities of the stored alerts, folded by entity
 * key. This is a stand-in until directory sync (LDAP) provides the real identity inventory; it knows
 * only accounts that some alert named, and it reads every matching alert per request, which is fine
 * for the alert volumes of one domain but is not an index.
 */
@Service
class IdentityService {

    private static final Comparator<IdentityView> MOST_RECENT_FIRST = Comparator
            .comparing(IdentityView::lastSeen, Comparator.reverseOrder()).thenComparing(IdentityView::key);

    private final VigilDatabase database;

    IdentityService(VigilDatabase database) {
        this.database = database;
    }

    /** Accounts whose {@code domain\name} contains {@code nameText} (any case), most recently seen first. */
    List<IdentityView> find(String nameText) {
        String wanted = nameText == null || nameText.isBlank() ? null : nameText.strip().toLowerCase(Locale.ROOT);
        // the store's entity filter narrows the alerts read; the exact match on account fields is below
        AlertFilter filter = AlertFilter.any().withEntityText(wanted);
        Map<String, Tally> tallies = new HashMap<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        Page<StoredAlert> alerts;
        do {
            alerts = database.alerts().find(filter, page);
            for (StoredAlert stored : alerts.items()) {
                stored.alert().entities().stream()
                        .filter(Entity.AccountEntity.class::isInstance).map(Entity.AccountEntity.class::cast)
                        .filter(account -> wanted == null || account.label().toLowerCase(Locale.ROOT).contains(wanted))
                        .map(account -> tallies.computeIfAbsent(EntityKey.of(account), key -> new Tally(key, account)))
                        .distinct()
                        .forEach(tally -> tally.add(stored));
            }
            page = page.next();
        } while (alerts.hasNext());
        return tallies.values().stream().map(Tally::view).sorted(MOST_RECENT_FIRST).toList();
    }

    /** One account's alerts added up; the first SID any alert gives for it is kept. */
    private static final class Tally {
        private final String key;
        private final Entity.AccountEntity account;
        private String sid;
        private long alerts;
        private Instant lastSeen = Instant.MIN;
        private Severity highest = Severity.INFORMATIONAL;

        Tally(String key, Entity.AccountEntity account) {
            this.key = key;
            this.account = account;
            this.sid = account.sid();
        }

        void add(StoredAlert stored) {
            alerts++;
            if (stored.alert().endTime().isAfter(lastSeen)) {
                lastSeen = stored.alert().endTime();
            }
            if (stored.alert().severity().compareTo(highest) > 0) {
                highest = stored.alert().severity();
            }
            if (sid == null) {
                sid = stored.alert().entities().stream().filter(Entity.AccountEntity.class::isInstance)
                        .map(Entity.AccountEntity.class::cast).filter(a -> EntityKey.of(a).equals(key))
                        .map(Entity.AccountEntity::sid).filter(s -> s != null).findFirst().orElse(null);
            }
        }

        IdentityView view() {
            return new IdentityView(key, account.name(), account.ntDomain(), sid, alerts, lastSeen,
                    ApiValues.name(highest));
        }
    }
}
