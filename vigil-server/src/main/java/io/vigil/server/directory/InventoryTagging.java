package io.vigil.server.directory;

import io.vigil.integrations.ldap.IdentityNames;
import io.vigil.integrations.ldap.IdentityTagger;
import io.vigil.integrations.ldap.TagAssignments;
import io.vigil.integrations.pam.PamVendor;
import io.vigil.model.directory.DirectorySnapshot;
import io.vigil.model.directory.IdentityTag;
import io.vigil.model.directory.SyncMode;
import io.vigil.model.directory.SyncResult;
import io.vigil.model.directory.TaggedIdentity;
import io.vigil.store.VigilDatabase;
import io.vigil.store.directory.DirectoryInventoryRepository;
import io.vigil.store.directory.IdentityMark;
import io.vigil.store.directory.StoredInventory;
import io.vigil.store.pam.PamAccount;
import io.vigil.store.pam.PamConnection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the stored inventory, its tags and the published {@link DirectoryInventory} in step: a
 * successful sync is stored (replaced or patched) with the tags the tagger computes over every
 * domain and the administrators' marks; a change of marks re-tags everything. Loads the stored
 * inventories on start, before detection begins. One change at a time.
 */
@Component
public class InventoryTagging {

    private static final Logger log = LoggerFactory.getLogger(InventoryTagging.class);

    private final VigilDatabase database;
    private final DirectoryInventory inventory;
    private final IdentityTagger tagger = new IdentityTagger();

    InventoryTagging(VigilDatabase database, DirectoryInventory inventory) {
        this.database = database;
        this.inventory = inventory;
        Map<String, DirectorySnapshot> stored = new LinkedHashMap<>();
        for (StoredInventory domain : database.directoryInventory().loadAll()) {
            stored.put(domain.snapshot().domain(), domain.snapshot());
        }
        retag(stored);
        log.info("directory inventory loaded: {} domains, {} identities", stored.size(),
                inventory.current().identities().size());
    }

    /** Stores a successful sync's inventory with fresh tags for every domain and publishes it. */
    synchronized void store(SyncResult result) {
        DirectorySnapshot snapshot = DirectoryInventoryRepository.storable(result.snapshot());
        Map<String, DirectorySnapshot> all = new LinkedHashMap<>(inventory.current().snapshots());
        all.put(snapshot.domain(), snapshot);
        Tagged tagged = tag(all);
        Map<UUID, Set<IdentityTag>> own = tagged.byDomain().getOrDefault(snapshot.domain(), Map.of());
        if (result.outcome().mode() == SyncMode.INCREMENTAL && result.delta() != null) {
            database.directoryInventory().apply(result.delta(), snapshot, own);
        } else {
            database.directoryInventory().replace(snapshot, own);
        }
        writeTags(tagged, snapshot.domain());
        inventory.publish(tagged.index());
    }

    /** After marks or a vault's accounts changed: every identity's tags again. */
    public synchronized void retag() {
        retag(inventory.current().snapshots());
    }

    /** Drops a domain whose source was deleted. */
    synchronized void forget(String domain) {
        database.directoryInventory().delete(domain);
        Map<String, DirectorySnapshot> rest = new LinkedHashMap<>(inventory.current().snapshots());
        rest.remove(domain);
        retag(rest);
    }

    private void retag(Map<String, DirectorySnapshot> snapshots) {
        Tagged tagged = tag(snapshots);
        writeTags(tagged, null);
        inventory.publish(tagged.index());
    }

    private record Tagged(InventoryIndex index, Map<String, Map<UUID, Set<IdentityTag>>> byDomain) {
    }

    private Tagged tag(Map<String, DirectorySnapshot> snapshots) {
        List<IdentityMark> marks = database.identityMarks().all();
        Map<IdentityTag, Set<String>> assigned = new EnumMap<>(IdentityTag.class);
        marks.forEach(m -> assigned.computeIfAbsent(m.mark(), k -> new HashSet<>()).add(m.objectSid()));
        Map<String, List<VaultReference>> vaultAccounts = vaultAccountsByName();
        vaultAccounts.forEach((name, refs) -> refs.forEach(ref ->
                assigned.computeIfAbsent(VaultTags.of(ref.vendor()), k -> new HashSet<>()).add(name)));
        List<TaggedIdentity> tagged = tagger.tag(snapshots.values(), TagAssignments.of(assigned));
        Map<String, Map<UUID, Set<IdentityTag>>> byDomain = new HashMap<>();
        Map<UUID, List<VaultReference>> managing = new HashMap<>();
        for (TaggedIdentity t : tagged) {
            byDomain.computeIfAbsent(t.identity().domain(), d -> new HashMap<>()).put(t.identity().objectGuid(), t.tags());
            List<VaultReference> refs = vaultAccountsOf(t, vaultAccounts);
            if (!refs.isEmpty()) {
                managing.put(t.identity().objectGuid(), refs);
            }
        }
        return new Tagged(new InventoryIndex(snapshots, tagged, assigned.getOrDefault(IdentityTag.HONEYTOKEN, Set.of()),
                managing), byDomain);
    }

    /**
     * The directory accounts each enabled vault connection holds, by the names the vault gives them:
     * {@code DOMAIN\account} (NetBIOS or DNS domain) and the UPN. An identity answering to one of these
     * names ({@link IdentityNames}) is managed by that vault: it gets the "Managed by <vendor>" tag, and
     * a password reset of it goes to that vault account.
     */
    private Map<String, List<VaultReference>> vaultAccountsByName() {
        Map<String, List<VaultReference>> byName = new HashMap<>();
        for (PamConnection connection : database.pamConnections().all()) {
            if (!connection.enabled()) {
                continue;
            }
            PamVendor vendor = PamVendor.valueOf(connection.vendor());
            for (PamAccount account : database.pamConnections().accounts(connection.id())) {
                if (!account.directoryAccount()) {
                    continue;
                }
                String qualified = account.domain() != null && account.userName() != null
                        ? account.domain() + "\\" + account.userName() : null;
                VaultReference ref = new VaultReference(connection.id(), vendor, account.accountId());
                for (String name : new String[] {qualified, account.upn()}) {
                    if (name != null) {
                        byName.computeIfAbsent(IdentityNames.fold(name), k -> new ArrayList<>()).add(ref);
                    }
                }
            }
        }
        return byName;
    }

    private static List<VaultReference> vaultAccountsOf(TaggedIdentity t, Map<String, List<VaultReference>> byName) {
        if (byName.isEmpty() || t.tags().stream().noneMatch(tag -> VaultTags.vendorOf(tag).isPresent())) {
            return List.of();
        }
        Set<VaultReference> refs = new LinkedHashSet<>();
        for (String name : IdentityNames.of(t.identity())) {
            refs.addAll(byName.getOrDefault(name, List.of()));
        }
        return List.copyOf(refs);
    }

    private void writeTags(Tagged tagged, String alreadyWritten) {
        for (String domain : tagged.index().snapshots().keySet()) {
            if (!domain.equals(alreadyWritten)) {
                database.directoryInventory().updateTags(domain, tagged.byDomain().getOrDefault(domain, Map.of()));
            }
        }
    }
}
