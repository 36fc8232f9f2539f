package io.vigil.integrations.ldap;

import io.vigil.integrations.ldap.internal.MembershipGraph;
import io.vigil.model.directory.DefaultSensitiveGroups;
import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.DirectoryObjectKind;
import io.vigil.model.directory.DirectorySnapshot;
import io.vigil.model.directory.IdentityTag;
import io.vigil.model.directory.TaggedIdentity;
import io.vigil.model.directory.UacFlag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Computes Defender for Identity's entity tags from synced inventories (reference §1.6).
 *
 * <ul>
 * <li>SENSITIVE: the default sensitive groups (by well-known SID) and groups or accounts an
 * administrator marks, plus every member nested in them at any depth, primary group included.
 * Snapshots of several domains of a forest are tagged together, so a child domain's user in the
 * root's Enterprise Admins is sensitive.</li>
 * <li>HONEYTOKEN and the PAM tags: as assigned; never inherited through groups.</li>
 * <li>DOMAIN_CONTROLLER: a computer with {@code SERVER_TRUST_ACCOUNT} (or
 * {@code PARTIAL_SECRETS_ACCOUNT}, a read-only DC), or a member of Domain Controllers (516) or
 * Read-only Domain Controllers (521).</li>
 * <li>SERVICE_ACCOUNT: a gMSA, or a user with an SPN (every computer has SPNs), krbtgt excepted.</li>
 * <li>KERBEROASTABLE: an enabled user with an SPN (gMSA and computer passwords are random).</li>
 * <li>ASREP_ROASTABLE: an enabled account with {@code DONT_REQ_PREAUTH}.</li>
 * <li>DISABLED: an account with {@code ACCOUNTDISABLE}.</li>
 * </ul>
 */
public final class IdentityTagger {

    private static final Set<Long> DOMAIN_CONTROLLER_GROUP_RIDS = Set.of(516L, 521L);
    private static final long KRBTGT_RID = 502;

    private final DefaultSensitiveGroups sensitiveGroups;

    public IdentityTagger() {
        this(DefaultSensitiveGroups.defender());
    }

    public IdentityTagger(DefaultSensitiveGroups sensitiveGroups) {
        this.sensitiveGroups = sensitiveGroups;
    }

    public List<TaggedIdentity> tag(Collection<DirectorySnapshot> snapshots, TagAssignments assignments) {
        List<DirectoryIdentity> all = snapshots.stream()
                .flatMap(s -> s.identities().stream())
                .toList();
        MembershipGraph graph = new MembershipGraph(all);
        Set<DirectoryIdentity> sensitive = byReference(graph.closureOf(all.stream()
                .filter(i -> isDefaultSensitiveGroup(i) || assignments.has(i, IdentityTag.SENSITIVE))
                .toList()));
        Set<DirectoryIdentity> inDcGroups = byReference(graph.closureOf(all.stream()
                .filter(IdentityTagger::isDomainControllerGroup)
                .toList()));
        List<TaggedIdentity> tagged = new ArrayList<>(all.size());
        for (DirectoryIdentity identity : all) {
            EnumSet<IdentityTag> tags = EnumSet.noneOf(IdentityTag.class);
            if (sensitive.contains(identity)) {
                tags.add(IdentityTag.SENSITIVE);
            }
            for (IdentityTag tag : IdentityTag.values()) {
                if (tag.assigned() && tag != IdentityTag.SENSITIVE && assignments.has(identity, tag)) {
                    tags.add(tag);
                }
            }
            addComputed(identity, inDcGroups.contains(identity), tags);
            tagged.add(new TaggedIdentity(identity, tags));
        }
        return tagged;
    }

    private static void addComputed(DirectoryIdentity identity, boolean inDcGroup, Set<IdentityTag> tags) {
        DirectoryObjectKind kind = identity.kind();
        if (kind == DirectoryObjectKind.GROUP) {
            return;
        }
        // krbtgt carries kadmin/changepw, but it is the KDC's own key, not a service anyone runs
        boolean hasSpn = !identity.servicePrincipalNames().isEmpty() && !isKrbtgt(identity);
        if (kind == DirectoryObjectKind.COMPUTER && (inDcGroup || identity.has(UacFlag.SERVER_TRUST_ACCOUNT)
                || identity.has(UacFlag.PARTIAL_SECRETS_ACCOUNT))) {
            tags.add(IdentityTag.DOMAIN_CONTROLLER);
        }
        if (kind == DirectoryObjectKind.GMSA || (kind == DirectoryObjectKind.USER && hasSpn)) {
            tags.add(IdentityTag.SERVICE_ACCOUNT);
        }
        if (kind == DirectoryObjectKind.USER && hasSpn && identity.enabled()) {
            tags.add(IdentityTag.KERBEROASTABLE);
        }
        if (identity.has(UacFlag.DONT_REQ_PREAUTH) && identity.enabled()) {
            tags.add(IdentityTag.ASREP_ROASTABLE);
        }
        if (!identity.enabled()) {
            tags.add(IdentityTag.DISABLED);
        }
    }

    private static boolean isKrbtgt(DirectoryIdentity identity) {
        return identity.objectSid() != null && identity.objectSid().startsWith("S-1-5-21-")
                && identity.rid() == KRBTGT_RID;
    }

    private boolean isDefaultSensitiveGroup(DirectoryIdentity identity) {
        return identity.kind() == DirectoryObjectKind.GROUP
                && sensitiveGroups.isSensitive(identity.objectSid(), identity.samAccountName());
    }

    private static boolean isDomainControllerGroup(DirectoryIdentity identity) {
        return identity.kind() == DirectoryObjectKind.GROUP && identity.objectSid() != null
                && identity.objectSid().toUpperCase(Locale.ROOT).startsWith("S-1-5-21-")
                && DOMAIN_CONTROLLER_GROUP_RIDS.contains(identity.rid());
    }

    /** Records hash every field, member lists included, so sets of them are kept by reference. */
    private static Set<DirectoryIdentity> byReference(Collection<DirectoryIdentity> identities) {
        Set<DirectoryIdentity> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(identities);
        return set;
    }
}
