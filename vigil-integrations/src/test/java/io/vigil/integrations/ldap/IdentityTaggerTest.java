package io.vigil.integrations.ldap;

import static io.vigil.model.directory.IdentityTag.DOMAIN_CONTROLLER;
import static io.vigil.model.directory.IdentityTag.HONEYTOKEN;
import static io.vigil.model.directory.IdentityTag.MANAGED_BY_CYBERARK;
import static io.vigil.model.directory.IdentityTag.SENSITIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.model.directory.DefaultSensitiveGroups;
import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.DirectoryObjectKind;
import io.vigil.model.directory.DirectorySnapshot;
import io.vigil.model.directory.IdentityTag;
import io.vigil.model.directory.TaggedIdentity;
import io.vigil.model.directory.UacFlag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tag rules on hand-built inventories: forests, assignments, optional Tier 0 groups, deep nesting. */
class IdentityTaggerTest {

    private static final String ROOT_SID = "S-1-5-21-100-200-300";
    private static final String CHILD_SID = "S-1-5-21-400-500-600";
    private static final String ROOT = "DC=corp,DC=example";
    private static final String CHILD = "DC=emea,DC=corp,DC=example";

    private static DirectoryIdentity account(DirectoryObjectKind kind, String domain, String dn, String sid,
            String sam, Set<UacFlag> flags, String primaryGroupSid) {
        return new DirectoryIdentity(kind, domain, dn, sid, UUID.nameUUIDFromBytes(dn.getBytes()), sam, null, null,
                flags, List.of(), 0, null, null, primaryGroupSid, List.of(), List.of(), Instant.EPOCH, 1);
    }

    private static DirectoryIdentity user(String domain, String dn, String sid, String sam) {
        return account(DirectoryObjectKind.USER, domain, dn, sid, sam, EnumSet.of(UacFlag.NORMAL_ACCOUNT), null);
    }

    private static DirectoryIdentity group(String domain, String dn, String sid, String sam, String... members) {
        return account(DirectoryObjectKind.GROUP, domain, dn, sid, sam, Set.of(), null).withMembers(List.of(members));
    }

    private static DirectorySnapshot snapshot(String domain, DirectoryIdentity... identities) {
        return new DirectorySnapshot(domain, "dc", 1, Instant.EPOCH, List.of(identities));
    }

    private static Set<IdentityTag> tagsOf(List<TaggedIdentity> tagged, String sam) {
        return tagged.stream().filter(t -> t.identity().samAccountName().equals(sam)).findFirst().orElseThrow().tags();
    }

    @Test
    void aChildDomainUserInTheRootsEnterpriseAdminsIsSensitiveByDnOrByForeignPrincipal() {
        String paul = "CN=paul,CN=Users," + CHILD;
        String fspOfRita = "CN=" + CHILD_SID + "-1201,CN=ForeignSecurityPrincipals," + ROOT;
        DirectorySnapshot root = snapshot("corp.example",
                group("corp.example", "CN=Enterprise Admins,CN=Users," + ROOT, ROOT_SID + "-519", "Enterprise Admins",
                        paul, fspOfRita));
        DirectorySnapshot child = snapshot("emea.corp.example",
                user("emea.corp.example", paul, CHILD_SID + "-1200", "paul"),
                user("emea.corp.example", "CN=rita,CN=Users," + CHILD, CHILD_SID + "-1201", "rita"),
                user("emea.corp.example", "CN=sam,CN=Users," + CHILD, CHILD_SID + "-1202", "sam"));

        List<TaggedIdentity> tagged = new IdentityTagger().tag(List.of(root, child), TagAssignments.none());

        assertThat(tagsOf(tagged, "paul")).containsExactly(SENSITIVE);
        assertThat(tagsOf(tagged, "rita")).containsExactly(SENSITIVE);
        assertThat(tagsOf(tagged, "sam")).isEmpty();
    }

    @Test
    void aGroupMarkedSensitivePassesItOnButAHoneytokenMarkIsNotInherited() {
        String decoys = "CN=Decoys,OU=Lab," + ROOT;
        DirectorySnapshot root = snapshot("corp.example",
                group("corp.example", decoys, ROOT_SID + "-3000", "Decoys", "CN=judy,OU=Lab," + ROOT),
                user("corp.example", "CN=judy,OU=Lab," + ROOT, ROOT_SID + "-3001", "judy"),
                user("corp.example", "CN=kim,OU=Lab," + ROOT, ROOT_SID + "-3002", "kim"),
                user("corp.example", "CN=leo,OU=Lab," + ROOT, ROOT_SID + "-3003", "leo"));
        TagAssignments assignments = TagAssignments.of(Map.of(
                SENSITIVE, Set.of(decoys.toUpperCase()),
                HONEYTOKEN, Set.of("CORP\\kim", decoys),
                MANAGED_BY_CYBERARK, Set.of(ROOT_SID + "-3003")));

        List<TaggedIdentity> tagged = new IdentityTagger().tag(List.of(root), assignments);

        assertThat(tagsOf(tagged, "Decoys")).containsExactlyInAnyOrder(SENSITIVE, HONEYTOKEN);
        assertThat(tagsOf(tagged, "judy")).containsExactly(SENSITIVE);
        assertThat(tagsOf(tagged, "kim")).containsExactly(HONEYTOKEN);
        assertThat(tagsOf(tagged, "leo")).containsExactly(MANAGED_BY_CYBERARK);
    }

    @Test
    void computedTagsCannotBeAssigned() {
        assertThatThrownBy(() -> TagAssignments.of(Map.of(IdentityTag.KERBEROASTABLE, Set.of("bob"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KERBEROASTABLE");
    }

    @Test
    void dnsAdminsIsSensitiveOnlyWithTheTierZeroExtras() {
        DirectorySnapshot root = snapshot("corp.example",
                group("corp.example", "CN=DnsAdmins,CN=Users," + ROOT, ROOT_SID + "-1101", "DnsAdmins",
                        "CN=bob,CN=Users," + ROOT),
                group("corp.example", "CN=Key Admins,CN=Users," + ROOT, ROOT_SID + "-526", "Key Admins",
                        "CN=kay,CN=Users," + ROOT),
                user("corp.example", "CN=bob,CN=Users," + ROOT, ROOT_SID + "-1102", "bob"),
                user("corp.example", "CN=kay,CN=Users," + ROOT, ROOT_SID + "-1103", "kay"));

        List<TaggedIdentity> defender = new IdentityTagger().tag(List.of(root), TagAssignments.none());
        List<TaggedIdentity> extended = new IdentityTagger(DefaultSensitiveGroups.withTierZeroExtras())
                .tag(List.of(root), TagAssignments.none());

        assertThat(tagsOf(defender, "bob")).isEmpty();
        assertThat(tagsOf(defender, "kay")).isEmpty();
        assertThat(tagsOf(extended, "bob")).containsExactly(SENSITIVE);
        assertThat(tagsOf(extended, "kay")).containsExactly(SENSITIVE);
    }

    @Test
    void aReadOnlyDomainControllerIsADomainController() {
        DirectorySnapshot root = snapshot("corp.example",
                account(DirectoryObjectKind.COMPUTER, "corp.example", "CN=RODC1,OU=Domain Controllers," + ROOT,
                        ROOT_SID + "-1500", "RODC1$",
                        EnumSet.of(UacFlag.WORKSTATION_TRUST_ACCOUNT, UacFlag.PARTIAL_SECRETS_ACCOUNT), null));

        assertThat(tagsOf(new IdentityTagger().tag(List.of(root), TagAssignments.none()), "RODC1$"))
                .contains(DOMAIN_CONTROLLER);
    }

    @Test
    void nestingThousandsOfGroupsDeepNeitherOverflowsNorLosesTheInnermostMember() {
        int depth = 5_000;
        List<DirectoryIdentity> identities = new ArrayList<>();
        String innermost = "CN=deep,OU=Lab," + ROOT;
        identities.add(user("corp.example", innermost, ROOT_SID + "-99999", "deep"));
        String previous = innermost;
        for (int i = 0; i < depth; i++) {
            String dn = "CN=G" + i + ",OU=Lab," + ROOT;
            identities.add(group("corp.example", dn, ROOT_SID + "-" + (10_000 + i), "G" + i, previous));
            previous = dn;
        }
        identities.add(group("corp.example", "CN=Domain Admins,CN=Users," + ROOT, ROOT_SID + "-512",
                "Domain Admins", previous));
        // and a cycle back to the top, which must not loop
        identities.set(1, identities.get(1).withMembers(List.of(innermost, previous)));

        Collection<TaggedIdentity> tagged = new IdentityTagger()
                .tag(List.of(snapshot("corp.example", identities.toArray(DirectoryIdentity[]::new))),
                        TagAssignments.none());

        assertThat(tagsOf(List.copyOf(tagged), "deep")).containsExactly(SENSITIVE);
    }
}
