package io.vigil.integrations.ldap;

import static io.vigil.integrations.ldap.testing.AdLikeDirectory.BASE;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.DOMAIN_SID;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.add;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.guidOf;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.replace;
import static io.vigil.model.directory.IdentityTag.ASREP_ROASTABLE;
import static io.vigil.model.directory.IdentityTag.DISABLED;
import static io.vigil.model.directory.IdentityTag.DOMAIN_CONTROLLER;
import static io.vigil.model.directory.IdentityTag.KERBEROASTABLE;
import static io.vigil.model.directory.IdentityTag.SENSITIVE;
import static io.vigil.model.directory.IdentityTag.SERVICE_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.integrations.ldap.testing.AdBehaviour;
import io.vigil.integrations.ldap.testing.AdLikeDirectory;
import io.vigil.model.directory.DirectoryDelta;
import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.DirectoryObjectKind;
import io.vigil.model.directory.DirectorySnapshot;
import io.vigil.model.directory.SyncMode;
import io.vigil.model.directory.SyncResult;
import io.vigil.model.directory.UacFlag;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Full and incremental sync against the AD-shaped in-memory directory. */
class LdapDirectorySourceTest {

    private static final String ALICE = "CN=alice,OU=Tier0," + BASE;
    private static final String BOB = "CN=bob,OU=Staff," + BASE;
    private static final String DOMAIN_ADMINS = "CN=Domain Admins,CN=Users," + BASE;

    private AdLikeDirectory directory;

    @BeforeEach
    void start() throws Exception {
        directory = AdLikeDirectory.start();
    }

    @AfterEach
    void stop() {
        directory.close();
    }

    private SyncResult fullSync() {
        return new LdapDirectorySource(directory.config().build()).fullSync();
    }

    @Test
    void fullSyncReadsEveryAccountAndGroupWithDecodedAttributes() {
        SyncResult result = fullSync();

        assertThat(result.outcome().error()).isNull();
        assertThat(result.outcome().succeeded()).isTrue();
        assertThat(result.outcome().mode()).isEqualTo(SyncMode.FULL);
        DirectorySnapshot snapshot = result.snapshot();
        assertThat(snapshot.identities()).hasSize(30);
        assertThat(result.outcome().identities()).isEqualTo(30);
        assertThat(snapshot.identities()).filteredOn(i -> i.kind() == DirectoryObjectKind.USER).hasSize(12);
        assertThat(snapshot.identities()).filteredOn(i -> i.kind() == DirectoryObjectKind.COMPUTER).hasSize(2);
        assertThat(snapshot.identities()).filteredOn(i -> i.kind() == DirectoryObjectKind.GMSA).hasSize(1);
        assertThat(snapshot.identities()).filteredOn(i -> i.kind() == DirectoryObjectKind.GROUP).hasSize(15);
        assertThat(snapshot.server()).isEqualTo(AdBehaviour.DC1);
        assertThat(snapshot.highestUsn()).isEqualTo(directory.behaviour().highestUsn());
        assertThat(snapshot.domain()).isEqualTo("lab.example");

        TaggedInventory inventory = TaggedInventory.of(snapshot);
        DirectoryIdentity alice = inventory.identity("alice");
        assertThat(alice.kind()).isEqualTo(DirectoryObjectKind.USER);
        assertThat(alice.distinguishedName()).isEqualTo(ALICE);
        assertThat(alice.objectSid()).isEqualTo(DOMAIN_SID + "-1104");
        assertThat(alice.objectGuid()).isEqualTo(guidOf(1104));
        assertThat(alice.userPrincipalName()).isEqualTo("alice@lab.example");
        assertThat(alice.displayName()).isEqualTo("Alice Admin");
        assertThat(alice.enabled()).isTrue();
        assertThat(alice.uacFlags()).containsExactly(UacFlag.NORMAL_ACCOUNT);
        assertThat(alice.adminCount()).isEqualTo(1);
        assertThat(alice.pwdLastSet()).isEqualTo(Instant.parse("2026-01-02T07:50:00Z"));
        assertThat(alice.lastLogon()).isEqualTo(Instant.parse("2026-01-03T07:50:00Z"));
        assertThat(alice.whenChanged()).isEqualTo(Instant.parse("2026-01-05T09:30:00Z"));
        assertThat(alice.primaryGroupSid()).isEqualTo(DOMAIN_SID + "-513");
        assertThat(alice.memberOf()).containsExactlyInAnyOrder(
                "CN=Tier0Admins,OU=Tier0," + BASE, "CN=Domain Users,CN=Users," + BASE);

        DirectoryIdentity svc = inventory.identity("svc_sql");
        assertThat(svc.servicePrincipalNames()).containsExactlyInAnyOrder(
                "MSSQLSvc/sql01.lab.example:1433", "MSSQLSvc/sql01.lab.example");
        assertThat(svc.uacFlags()).containsExactlyInAnyOrder(UacFlag.NORMAL_ACCOUNT, UacFlag.DONT_EXPIRE_PASSWORD);

        assertThat(inventory.identity("DC1$").kind()).isEqualTo(DirectoryObjectKind.COMPUTER);
        assertThat(inventory.identity("DC1$").uacFlags())
                .contains(UacFlag.SERVER_TRUST_ACCOUNT, UacFlag.TRUSTED_FOR_DELEGATION);
        assertThat(inventory.identity("gmsa-web$").kind()).isEqualTo(DirectoryObjectKind.GMSA);
        assertThat(inventory.identity("dave").enabled()).isFalse();
        assertThat(inventory.identity("Administrators").objectSid()).isEqualTo("S-1-5-32-544");
        assertThat(inventory.identity("Domain Admins").members())
                .containsExactlyInAnyOrder("CN=Administrator,CN=Users," + BASE, "CN=Tier0Admins,OU=Tier0," + BASE);
        assertThat(inventory.identity("erin").memberOf()).containsExactly(DOMAIN_ADMINS);
    }

    @Test
    void fullSyncTagsAsDefenderForIdentityDoes() {
        TaggedInventory inventory = TaggedInventory.of(fullSync().snapshot());

        assertThat(inventory.tags("alice")).as("nested: Tier0Admins in Domain Admins").containsExactly(SENSITIVE);
        assertThat(inventory.tags("erin")).as("primary group Domain Admins").containsExactly(SENSITIVE);
        assertThat(inventory.tags("Tier0Admins")).containsExactly(SENSITIVE);
        assertThat(inventory.tags("Administrator")).containsExactly(SENSITIVE);
        assertThat(inventory.tags("bob")).isEmpty();
        assertThat(inventory.tags("frank")).as("member of a group cycle, no sensitive group").isEmpty();
        assertThat(inventory.tags("svc_sql")).containsExactlyInAnyOrder(SERVICE_ACCOUNT, KERBEROASTABLE);
        assertThat(inventory.tags("svc_old")).containsExactlyInAnyOrder(SERVICE_ACCOUNT, DISABLED);
        assertThat(inventory.tags("carol")).containsExactly(ASREP_ROASTABLE);
        assertThat(inventory.tags("dave")).containsExactly(DISABLED);
        assertThat(inventory.tags("krbtgt")).containsExactly(DISABLED);
        assertThat(inventory.tags("DC1$")).containsExactlyInAnyOrder(DOMAIN_CONTROLLER, SENSITIVE);
        assertThat(inventory.tags("WS01$")).isEmpty();
        assertThat(inventory.tags("gmsa-web$")).containsExactly(SERVICE_ACCOUNT);
    }

    @Test
    void incrementalSyncPicksUpAnAdditionToDomainAdminsAndANewSpn() throws Exception {
        LdapDirectorySource source = new LdapDirectorySource(directory.config().build());
        DirectorySnapshot first = source.fullSync().snapshot();

        directory.modify(DOMAIN_ADMINS, add("member", BOB));
        directory.modify(BOB, add("servicePrincipalName", "HTTP/intranet.lab.example"));
        SyncResult second = source.incrementalSync(first);

        assertThat(second.outcome().succeeded()).isTrue();
        assertThat(second.outcome().mode()).isEqualTo(SyncMode.INCREMENTAL);
        assertThat(second.outcome().notes()).noneMatch(n -> n.contains("full sync"));
        assertThat(second.snapshot().highestUsn()).isEqualTo(first.highestUsn() + 2);
        assertThat(second.snapshot().identities()).hasSize(first.identities().size());
        DirectoryDelta delta = second.delta();
        assertThat(delta.fromUsn()).isEqualTo(first.highestUsn());
        assertThat(delta.toUsn()).isEqualTo(second.snapshot().highestUsn());
        assertThat(delta.removed()).isEmpty();
        assertThat(delta.changed()).extracting(DirectoryIdentity::samAccountName)
                .containsExactlyInAnyOrder("Domain Admins", "bob");
        assertThat(second.outcome().changed()).isEqualTo(2);

        TaggedInventory before = TaggedInventory.of(first);
        TaggedInventory after = TaggedInventory.of(second.snapshot());
        assertThat(before.tags("bob")).isEmpty();
        assertThat(after.tags("bob")).containsExactlyInAnyOrder(SENSITIVE, SERVICE_ACCOUNT, KERBEROASTABLE);
        assertThat(after.identity("bob").memberOf()).contains(DOMAIN_ADMINS);
        assertThat(after.tags("carol")).isEqualTo(before.tags("carol"));
    }

    @Test
    void incrementalSyncWithoutChangesKeepsTheInventoryAndReportsAnEmptyDelta() {
        LdapDirectorySource source = new LdapDirectorySource(directory.config().build());
        DirectorySnapshot first = source.fullSync().snapshot();

        SyncResult second = source.incrementalSync(first);

        assertThat(second.outcome().mode()).isEqualTo(SyncMode.INCREMENTAL);
        assertThat(second.delta().isEmpty()).isTrue();
        assertThat(second.snapshot().identities()).isEqualTo(first.identities());
    }

    @Test
    void incrementalSyncDropsDeletedObjectsAndFollowsRenamesThatLeaveTheUsnAlone() throws Exception {
        LdapDirectorySource source = new LdapDirectorySource(directory.config().build());
        DirectorySnapshot first = source.fullSync().snapshot();
        long usnBefore = directory.behaviour().highestUsn();

        directory.delete("CN=carol,OU=Staff," + BASE);
        directory.rename("CN=frank,OU=Staff," + BASE, "CN=franklin");
        assertThat(directory.behaviour().highestUsn()).as("the fixture bumps no USN on delete or rename")
                .isEqualTo(usnBefore);
        SyncResult second = source.incrementalSync(first);

        assertThat(second.outcome().succeeded()).isTrue();
        assertThat(second.delta().removed()).extracting(DirectoryIdentity::samAccountName).containsExactly("carol");
        assertThat(second.outcome().removed()).isEqualTo(1);
        TaggedInventory after = TaggedInventory.of(second.snapshot());
        String franklin = "CN=franklin,OU=Staff," + BASE;
        assertThat(after.identity("frank").distinguishedName()).isEqualTo(franklin);
        assertThat(after.identity("frank").memberOf()).contains("CN=CycleA,OU=Staff," + BASE);
        assertThat(after.identity("CycleA").members()).contains(franklin);
        assertThat(second.snapshot().identities()).noneMatch(i -> "carol".equals(i.samAccountName()));
    }

    @Test
    void incrementalSyncAgainstAnotherDomainControllerRunsAFullSync() throws Exception {
        LdapDirectorySource source = new LdapDirectorySource(directory.config().build());
        DirectorySnapshot first = source.fullSync().snapshot();
        directory.modify(BOB, replace("displayName", "Robert"));
        directory.behaviour().answerAs("CN=NTDS Settings,CN=DC2,CN=Servers,CN=Default-First-Site-Name,"
                + "CN=Sites,CN=Configuration," + BASE);

        SyncResult second = source.incrementalSync(first);

        assertThat(second.outcome().succeeded()).isTrue();
        assertThat(second.outcome().mode()).isEqualTo(SyncMode.FULL);
        assertThat(second.outcome().notes()).anyMatch(n -> n.contains("USNs are per DC") && n.contains("DC2"));
        assertThat(second.snapshot().server()).contains("CN=DC2");
        assertThat(second.delta().changed()).extracting(DirectoryIdentity::displayName).containsExactly("Robert");
    }

    @Test
    void incrementalSyncAfterTheUsnWentBackwardsRunsAFullSync() throws Exception {
        LdapDirectorySource source = new LdapDirectorySource(directory.config().build());
        DirectorySnapshot first = source.fullSync().snapshot();
        directory.behaviour().rollBackUsnTo(first.highestUsn() - 100);

        SyncResult second = source.incrementalSync(first);

        assertThat(second.outcome().mode()).isEqualTo(SyncMode.FULL);
        assertThat(second.outcome().notes()).anyMatch(n -> n.contains("below the cursor"));
        assertThat(second.snapshot().identities()).hasSameSizeAs(first.identities());
    }

    @Test
    void continuationReferencesAreListedInTheNotesNotFollowed() {
        SyncResult result = fullSync();

        assertThat(result.outcome().notes()).anyMatch(n -> n.contains(AdBehaviour.DNS_ZONES));
    }

    @Test
    void theBindPasswordIsClearedAfterUseAndNeverPrinted() {
        char[][] handedOut = new char[1][];
        LdapConnectionConfig config = directory.config()
                .bind(AdLikeDirectory.SYNC_DN, () -> handedOut[0] = AdLikeDirectory.SYNC_PASSWORD.toCharArray())
                .build();

        SyncResult result = new LdapDirectorySource(config).fullSync();

        assertThat(result.outcome().succeeded()).isTrue();
        assertThat(new String(handedOut[0])).isEqualTo("\0".repeat(AdLikeDirectory.SYNC_PASSWORD.length()));
        assertThat(config.toString()).doesNotContain(AdLikeDirectory.SYNC_PASSWORD).contains("lab.example");
    }

    @Test
    void uacFlagsRoundTripThroughTheirBits() {
        EnumSet<UacFlag> flags = EnumSet.of(UacFlag.ACCOUNTDISABLE, UacFlag.DONT_REQ_PREAUTH, UacFlag.NORMAL_ACCOUNT);
        assertThat(UacFlag.toBits(flags)).isEqualTo(0x400202L);
        assertThat(UacFlag.fromBits(0x400202L)).isEqualTo(flags);
    }
}
