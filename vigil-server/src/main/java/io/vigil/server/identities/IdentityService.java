package io.vigil.server.identities;

import io.vigil.integrations.pam.PamVendor;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.Evidence;
import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.IdentityTag;
import io.vigil.model.directory.TaggedIdentity;
import io.vigil.model.identity.Account;
import io.vigil.model.incident.EntityKey;
import io.vigil.server.api.ApiValues;
import io.vigil.server.api.InvalidRequestException;
import io.vigil.server.api.ResourceNotFoundException;
import io.vigil.server.directory.DirectoryInventory;
import io.vigil.server.directory.IdentityMarks;
import io.vigil.server.directory.InventoryIndex;
import io.vigil.server.identities.AlertTallies.Tally;
import io.vigil.server.identities.IdentityDetailView.ActivityView;
import io.vigil.server.identities.IdentityDetailView.AlertRefView;
import io.vigil.server.identities.IdentityDetailView.GroupView;
import io.vigil.server.identities.IdentityDetailView.MarkView;
import io.vigil.server.identities.IdentityDetailView.ProfileView;
import io.vigil.server.pam.PasswordResets;
import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import io.vigil.store.VigilDatabase;
import io.vigil.store.alerts.AlertFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Identities: every user, computer, group and gMSA of the synced domains with their tags, plus every
 * account alerts name that the inventory lacks, each with the activity Vigil has seen from its alerts.
 */
@Service
public class IdentityService {

    private static final int TIMELINE_LIMIT = 200;

    private final VigilDatabase database;
    private final DirectoryInventory inventory;
    private final IdentityMarks marks;
    private final PasswordResets resets;
    private final IdentityListings listings;

    IdentityService(VigilDatabase database, DirectoryInventory inventory, IdentityMarks marks, PasswordResets resets,
            IdentityListings listings) {
        this.database = database;
        this.inventory = inventory;
        this.marks = marks;
        this.resets = resets;
        this.listings = listings;
    }

    /**
     * One page of the identities matching the query: the inventory's (held in memory, as detectors
     * need it) and the accounts alerts name that it lacks, with their alert activity as last read
     * ({@link IdentityListings}: renewed in the background). Never reads the alerts themselves.
     */
    public Page<IdentityView> page(IdentityQuery query, PageRequest page) {
        return listings.current().page(query, page);
    }

    /**
     * As {@link #page}, with the activity counted from every stored alert now: current, but it reads
     * the outline of every alert (one pass, growing with their number).
     */
    Page<IdentityView> pageCounted(IdentityQuery query, PageRequest page) {
        InventoryIndex index = inventory.current();
        AlertTallies tallies = AlertTallies.count(database, index, AlertFilter.any());
        List<IdentityView> all = new ArrayList<>();
        for (TaggedIdentity tagged : index.identities()) {
            all.add(view(tagged, tallies.of(tagged.identity().objectGuid()).orElse(null)));
        }
        tallies.notInDirectory().forEach(t -> all.add(view(t)));
        return IdentityListing.of(all).page(query, page);
    }

    public IdentityDetailView detail(String id) {
        InventoryIndex index = inventory.current();
        Optional<TaggedIdentity> tagged = directoryIdentity(index, id);
        if (tagged.isPresent()) {
            DirectoryIdentity i = tagged.get().identity();
            Tally tally = i.samAccountName() == null ? null
                    : AlertTallies.countAndKeep(database, index, AlertFilter.any().withEntityKeys(keysOf(i)))
                            .of(i.objectGuid()).orElse(null);
            return new IdentityDetailView(view(tagged.get(), tally), profile(i), marksOf(i.objectSid()),
                    groups(index.resolveDns(i.memberOf())), groups(index.nestedGroupsOf(i)), hosts(tally),
                    alerts(tally), timeline(tally), responseActions(index, i), resets.forIdentity(i.objectGuid().toString()));
        }
        String key = IdentityViews.seenKey(id);
        if (key == null) {
            throw new ResourceNotFoundException("identity", id);
        }
        Tally tally = AlertTallies.countAndKeep(database, index, AlertFilter.any().withEntityKeys(Set.of(key)))
                .ofKey(key).orElseThrow(() -> new ResourceNotFoundException("identity", id));
        return new IdentityDetailView(view(tally), null, marksOf(tally.sid), List.of(), List.of(), hosts(tally),
                alerts(tally), timeline(tally), List.of(), List.of());
    }

    /** The entity keys alerts and incidents may name the identity by, for exact lookups in their entity indexes. */
    public Set<String> entityKeysOf(IdentityView identity) {
        if (!identity.inDirectory()) {
            return Set.of(identity.key());
        }
        return inventory.current().byGuid(UUID.fromString(identity.id())).map(TaggedIdentity::identity)
                .filter(i -> i.samAccountName() != null).map(IdentityService::keysOf).orElse(Set.of(identity.key()));
    }

    /** What {@link #detail} takes for an account an alert names: its objectGUID when the inventory holds it. */
    public String idFor(Entity.AccountEntity account) {
        return inventory.current().resolve(new Account(account.ntDomain(), account.name(), account.sid()))
                .map(t -> t.identity().objectGuid().toString())
                .orElseGet(() -> IdentityViews.seenId(EntityKey.of(account)));
    }

    /** Sets or removes a mark on the identity's SID; returns the identity as it is now. */
    public IdentityDetailView mark(String id, String markName, boolean set, String user) {
        IdentityTag mark = ApiValues.parse(IdentityTag.class, "mark", markName);
        if (mark != IdentityTag.SENSITIVE && mark != IdentityTag.HONEYTOKEN) {
            throw new InvalidRequestException("mark", "mark: only sensitive and honeytoken are set by hand; "
                    + ApiValues.name(mark) + " comes from the directory");
        }
        IdentityView identity = detail(id).identity();
        if (identity.sid() == null) {
            throw new InvalidRequestException("id", "no SID is known for " + identity.name()
                    + "; marks are kept by SID, so mark it once the directory or an alert gives its SID");
        }
        String label = identity.domain() == null ? identity.name() : identity.domain() + "\\" + identity.name();
        if (set) {
            marks.set(identity.sid(), mark, label, user);
        } else {
            marks.remove(identity.sid(), mark, label);
        }
        return detail(id);
    }

    /**
     * The entity keys alerts may give the identity, whichever way an event spells its domain: NetBIOS
     * (the DNS domain's first label), DNS, none, or the UPN. Looked up exactly in the entity index.
     */
    private static Set<String> keysOf(DirectoryIdentity i) {
        String sam = i.samAccountName().toLowerCase(Locale.ROOT);
        Set<String> keys = new LinkedHashSet<>(List.of(IdentityViews.keyOf(i), "account:" + sam));
        if (i.domain() != null) {
            keys.add("account:" + i.domain().toLowerCase(Locale.ROOT) + "\\" + sam);
        }
        if (i.userPrincipalName() != null) {
            keys.add("account:" + i.userPrincipalName().toLowerCase(Locale.ROOT));
        }
        return keys;
    }

    private static Optional<TaggedIdentity> directoryIdentity(InventoryIndex index, String id) {
        try {
            return index.byGuid(UUID.fromString(id));
        } catch (IllegalArgumentException notAGuid) {
            return Optional.empty();
        }
    }

    private static IdentityView view(TaggedIdentity tagged, Tally tally) {
        return IdentityViews.of(tagged, tally == null ? null
                : new AccountActivity.Alerts(tally.key, tally.alerts, tally.lastSeen, tally.highest, tally.openHighest));
    }

    private IdentityView view(Tally tally) {
        List<String> tags = marksOf(tally.sid).stream().map(MarkView::mark).toList();
        return new IdentityView(IdentityViews.seenId(tally.key), tally.key, tally.account.name(),
                tally.account.ntDomain(), tally.sid, false, null, null, null, null, null, tags,
                IdentityViews.riskOf(tally.openHighest),
                tally.alerts, tally.lastSeen, ApiValues.name(tally.highest));
    }

    private List<MarkView> marksOf(String sid) {
        return marks.of(sid).stream().map(m -> new MarkView(ApiValues.name(m.mark()), m.markedBy(), m.markedAt())).toList();
    }

    /** "Reset password by <vendor>" for each vault that manages the identity. */
    private static List<String> responseActions(InventoryIndex index, DirectoryIdentity i) {
        return index.vaultAccountsOf(i.objectGuid()).stream().map(r -> r.vendor().resetActionLabel()).distinct().toList();
    }

    private static ProfileView profile(DirectoryIdentity i) {
        return new ProfileView(i.objectGuid().toString(), i.distinguishedName(),
                i.uacFlags().stream().sorted().map(Enum::name).toList(), i.servicePrincipalNames(), i.adminCount(),
                i.lastLogon(), i.pwdLastSet(), i.primaryGroupSid(), i.whenChanged());
    }

    private static List<GroupView> groups(List<TaggedIdentity> groups) {
        return groups.stream().map(g -> new GroupView(g.identity().objectGuid().toString(),
                g.identity().samAccountName(), g.identity().distinguishedName(),
                g.tags().stream().sorted().map(ApiValues::name).toList())).toList();
    }

    private static List<String> hosts(Tally tally) {
        return tally == null ? List.of() : List.copyOf(tally.hosts);
    }

    private static List<AlertRefView> alerts(Tally tally) {
        if (tally == null) {
            return List.of();
        }
        return tally.kept.stream().map(s -> s.alert())
                .sorted(Comparator.comparing((io.vigil.model.alert.Alert a) -> a.startTime()).reversed())
                .map(a -> new AlertRefView(a.id(), a.name(), ApiValues.name(a.severity()), ApiValues.name(a.status()),
                        a.startTime(), a.endTime()))
                .toList();
    }

    private static List<ActivityView> timeline(Tally tally) {
        if (tally == null) {
            return List.of();
        }
        List<ActivityView> activity = new ArrayList<>();
        tally.kept.forEach(s -> {
            for (Evidence e : s.alert().evidence()) {
                activity.add(new ActivityView(e.time(), e.eventId(), e.computer(), e.summary(), s.alert().id()));
            }
        });
        return activity.stream().sorted(Comparator.comparing(ActivityView::time, Comparator.nullsLast(
                Comparator.reverseOrder()))).limit(TIMELINE_LIMIT).toList();
    }

    /** The tag of the accounts a vendor's vault manages ({@code cyberark} → {@code MANAGED_BY_CYBERARK}); null for none. */
    public static IdentityTag managedByTag(String vendor) {
        if (vendor == null || vendor.isBlank()) {
            return null;
        }
        return IdentityTag.valueOf("MANAGED_BY_" + ApiValues.parse(PamVendor.class, "managedBy", vendor).name());
    }

    static Set<String> riskLevels() {
        return Set.copyOf(IdentityQuery.RISKS);
    }
}
