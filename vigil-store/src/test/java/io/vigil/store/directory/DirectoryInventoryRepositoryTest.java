package io.vigil.store.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.model.directory.DirectoryDelta;
import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.DirectoryObjectKind;
import io.vigil.model.directory.DirectorySnapshot;
import io.vigil.model.directory.IdentityTag;
import io.vigil.model.directory.UacFlag;
import io.vigil.store.StoreException;
import io.vigil.store.VigilDatabase;
import io.vigil.store.testing.DatabaseTest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

class DirectoryInventoryRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00.123456789Z");
    private static final String SID = "S-1-5-21-1004336348-1177238915-682003330-";
    private static final String BASE = "DC=lab,DC=example";

    static DirectoryIdentity user(long rid, String name, Set<UacFlag> flags, List<String> spns) {
        return new DirectoryIdentity(DirectoryObjectKind.USER, "lab.example", "CN=" + name + ",OU=Staff," + BASE,
                SID + rid, new UUID(0, rid), name, name + "@lab.example", "Display " + name, flags, spns, 0,
                T0.minusSeconds(3600), T0.minusSeconds(86_400), SID + "513", List.of(),
                List.of("CN=Domain Users,CN=Users," + BASE), T0, rid);
    }

    static DirectoryIdentity group(long rid, String name, List<String> members) {
        return new DirectoryIdentity(DirectoryObjectKind.GROUP, "lab.example", "CN=" + name + ",CN=Users," + BASE,
                SID + rid, new UUID(0, rid), name, null, null, Set.of(), List.of(), 1, null, null, null, members,
                List.of(), T0, rid);
    }

    private static DirectorySnapshot snapshot(long usn, List<DirectoryIdentity> identities) {
        return new DirectorySnapshot("lab.example", "CN=NTDS Settings,CN=DC1", usn, T0, identities);
    }

    @DatabaseTest
    void aReplacedInventoryReadsBackAsStoredWithItsTags(VigilDatabase db) {
        DirectoryIdentity alice = user(1104, "alice", EnumSet.of(UacFlag.NORMAL_ACCOUNT, UacFlag.DONT_EXPIRE_PASSWORD),
                List.of("MSSQLSvc/sql01.lab.example:1433"));
        DirectoryIdentity admins = group(512, "Domain Admins", List.of(alice.distinguishedName()));
        DirectorySnapshot snapshot = snapshot(5000, List.of(alice, admins));

        db.directoryInventory().replace(snapshot, Map.of(alice.objectGuid(),
                EnumSet.of(IdentityTag.SENSITIVE, IdentityTag.KERBEROASTABLE)));

        StoredInventory stored = db.directoryInventory().load("lab.example").orElseThrow();
        DirectorySnapshot expected = DirectoryInventoryRepository.storable(snapshot);
        assertThat(stored.snapshot().identities()).containsExactlyInAnyOrderElementsOf(expected.identities());
        assertThat(stored.snapshot()).usingRecursiveComparison().ignoringFields("identities").isEqualTo(expected);
        assertThat(stored.snapshot().syncedAt()).isEqualTo("2026-03-02T10:00:00.123456Z");
        assertThat(stored.tagsOf(alice.objectGuid())).containsExactlyInAnyOrder(IdentityTag.SENSITIVE,
                IdentityTag.KERBEROASTABLE);
        assertThat(stored.tagsOf(admins.objectGuid())).isEmpty();
        assertThat(db.directoryInventory().loadAll()).hasSize(1);
    }

    @DatabaseTest
    void aFullSyncReplacesEverythingOfItsDomainOnly(VigilDatabase db) {
        DirectoryIdentity alice = user(1104, "alice", Set.of(UacFlag.NORMAL_ACCOUNT), List.of());
        DirectoryIdentity bob = user(1105, "bob", Set.of(UacFlag.NORMAL_ACCOUNT), List.of());
        DirectoryIdentity other = new DirectoryIdentity(DirectoryObjectKind.USER, "corp.example", "CN=x,DC=corp,DC=example",
                "S-1-5-21-9-9-9-1000", new UUID(1, 1), "x", null, null, Set.of(), List.of(), 0, null, null, null,
                List.of(), List.of(), null, 1);
        db.directoryInventory().replace(snapshot(5000, List.of(alice, bob)), Map.of());
        db.directoryInventory().replace(new DirectorySnapshot("corp.example", "CN=DC9", 10, T0, List.of(other)), Map.of());

        db.directoryInventory().replace(snapshot(6000, List.of(bob)), Map.of());

        assertThat(db.directoryInventory().load("lab.example").orElseThrow().snapshot().identities())
                .extracting(DirectoryIdentity::samAccountName).containsExactly("bob");
        assertThat(db.directoryInventory().load("lab.example").orElseThrow().snapshot().highestUsn()).isEqualTo(6000);
        assertThat(db.directoryInventory().load("corp.example").orElseThrow().snapshot().identities()).hasSize(1);
    }

    @DatabaseTest
    void aDeltaPatchesChangedAndRemovedIdentitiesAndMovesTheCursor(VigilDatabase db) {
        DirectoryIdentity alice = user(1104, "alice", Set.of(UacFlag.NORMAL_ACCOUNT), List.of());
        DirectoryIdentity bob = user(1105, "bob", Set.of(UacFlag.NORMAL_ACCOUNT), List.of());
        DirectoryIdentity carol = user(1107, "carol", Set.of(UacFlag.NORMAL_ACCOUNT), List.of());
        db.directoryInventory().replace(snapshot(5000, List.of(alice, bob, carol)), Map.of());
        DirectoryIdentity bobDisabled = user(1105, "bob", EnumSet.of(UacFlag.NORMAL_ACCOUNT, UacFlag.ACCOUNTDISABLE),
                List.of());
        DirectoryIdentity dave = user(1108, "dave", Set.of(UacFlag.NORMAL_ACCOUNT), List.of());
        DirectorySnapshot merged = snapshot(5007, List.of(alice, bobDisabled, dave));

        db.directoryInventory().apply(new DirectoryDelta("lab.example", 5000, 5007, List.of(bobDisabled, dave),
                List.of(carol)), merged, Map.of(bobDisabled.objectGuid(), Set.of(IdentityTag.DISABLED)));

        StoredInventory stored = db.directoryInventory().load("lab.example").orElseThrow();
        assertThat(stored.snapshot().highestUsn()).isEqualTo(5007);
        assertThat(stored.snapshot().identities()).containsExactlyInAnyOrderElementsOf(
                DirectoryInventoryRepository.storable(merged).identities());
        assertThat(stored.tagsOf(bobDisabled.objectGuid())).containsExactly(IdentityTag.DISABLED);
    }

    @DatabaseTest
    void tagsAreRewrittenOnlyWhereTheyChanged(VigilDatabase db) {
        DirectoryIdentity alice = user(1104, "alice", Set.of(UacFlag.NORMAL_ACCOUNT), List.of());
        DirectoryIdentity bob = user(1105, "bob", Set.of(UacFlag.NORMAL_ACCOUNT), List.of());
        db.directoryInventory().replace(snapshot(5000, List.of(alice, bob)),
                Map.of(alice.objectGuid(), Set.of(IdentityTag.SENSITIVE)));

        int rewritten = db.directoryInventory().updateTags("lab.example", Map.of(
                alice.objectGuid(), Set.of(IdentityTag.SENSITIVE), bob.objectGuid(), Set.of(IdentityTag.HONEYTOKEN)));

        assertThat(rewritten).isEqualTo(1);
        assertThat(db.directoryInventory().load("lab.example").orElseThrow().tagsOf(bob.objectGuid()))
                .containsExactly(IdentityTag.HONEYTOKEN);
    }

    @DatabaseTest
    void aValueTooLongForTheStoreFailsNamingItAndKeepsThePreviousInventory(VigilDatabase db) {
        DirectoryIdentity alice = user(1104, "alice", Set.of(UacFlag.NORMAL_ACCOUNT), List.of());
        db.directoryInventory().replace(snapshot(5000, List.of(alice)), Map.of());
        DirectoryIdentity huge = new DirectoryIdentity(DirectoryObjectKind.USER, "lab.example", "CN=huge," + BASE,
                SID + 1200, new UUID(0, 1200), "huge", null, "x".repeat(5000), Set.of(), List.of(), 0, null, null,
                null, List.of(), List.of(), null, 1);

        assertThatThrownBy(() -> db.directoryInventory().replace(snapshot(6000, List.of(alice, huge)), Map.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining("displayName").hasMessageContaining("CN=huge");
        assertThat(db.directoryInventory().load("lab.example").orElseThrow().snapshot().highestUsn()).isEqualTo(5000);
    }

    @DatabaseTest
    void deleteForgetsTheDomain(VigilDatabase db) {
        db.directoryInventory().replace(snapshot(5000, List.of(user(1104, "alice", Set.of(), List.of()))), Map.of());

        assertThat(db.directoryInventory().delete("lab.example")).isTrue();
        assertThat(db.directoryInventory().load("lab.example")).isEmpty();
        assertThat(db.directoryInventory().delete("lab.example")).isFalse();
    }
}
