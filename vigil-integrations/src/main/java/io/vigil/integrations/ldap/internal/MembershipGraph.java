package io.vigil.integrations.ldap.internal;

import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.DirectoryObjectKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who is a direct member of which group, across the snapshots given: from each group's
 * {@code member} list, from each account's primary group, and through foreign security principals
 * ({@code CN=S-1-…,CN=ForeignSecurityPrincipals,…}) to members from another synced domain.
 * Members the snapshots do not hold are left out.
 *
 * <p>Nested membership is walked breadth-first with a visited set, so cycles (which AD allows)
 * end, and the work is bounded by the number of memberships, whatever the nesting depth.
 */
public final class MembershipGraph {

    private static final Pattern FOREIGN_PRINCIPAL =
            Pattern.compile("cn=(s-1-[0-9-]+),cn=foreignsecurityprincipals,.*");

    /** group DN key → direct members by DN key; member DN key → direct groups by DN key. */
    private final Map<String, Map<String, DirectoryIdentity>> membersOf = new HashMap<>();
    private final Map<String, Map<String, DirectoryIdentity>> groupsOf = new HashMap<>();
    /** Records hash all their fields, member lists included, so they are keyed by reference. */
    private final Map<DirectoryIdentity, String> keys = new IdentityHashMap<>();

    public MembershipGraph(Collection<DirectoryIdentity> identities) {
        Map<String, DirectoryIdentity> byDn = new HashMap<>();
        Map<String, DirectoryIdentity> bySid = new HashMap<>();
        for (DirectoryIdentity identity : identities) {
            byDn.put(key(identity), identity);
            if (identity.objectSid() != null) {
                bySid.put(identity.objectSid().toUpperCase(Locale.ROOT), identity);
            }
        }
        for (DirectoryIdentity group : identities) {
            if (group.kind() != DirectoryObjectKind.GROUP) {
                continue;
            }
            for (String memberDn : group.members()) {
                DirectoryIdentity member = resolve(memberDn, byDn, bySid);
                if (member != null) {
                    link(group, member);
                }
            }
        }
        for (DirectoryIdentity account : identities) {
            if (account.primaryGroupSid() != null) {
                DirectoryIdentity group = bySid.get(account.primaryGroupSid().toUpperCase(Locale.ROOT));
                if (group != null && group.kind() == DirectoryObjectKind.GROUP) {
                    link(group, account);
                }
            }
        }
    }

    private static DirectoryIdentity resolve(String memberDn, Map<String, DirectoryIdentity> byDn,
            Map<String, DirectoryIdentity> bySid) {
        String key = DnKey.of(memberDn);
        DirectoryIdentity member = byDn.get(key);
        if (member != null) {
            return member;
        }
        Matcher foreign = FOREIGN_PRINCIPAL.matcher(key);
        return foreign.matches() ? bySid.get(foreign.group(1).toUpperCase(Locale.ROOT)) : null;
    }

    private void link(DirectoryIdentity group, DirectoryIdentity member) {
        membersOf.computeIfAbsent(key(group), k -> new LinkedHashMap<>()).put(key(member), member);
        groupsOf.computeIfAbsent(key(member), k -> new LinkedHashMap<>()).put(key(group), group);
    }

    private String key(DirectoryIdentity identity) {
        return keys.computeIfAbsent(identity, i -> DnKey.of(i.distinguishedName()));
    }

    /** Direct groups, the primary group included. */
    public Collection<DirectoryIdentity> directGroupsOf(DirectoryIdentity identity) {
        return groupsOf.getOrDefault(key(identity), Map.of()).values();
    }

    /** The groups given and everything nested in them, at any depth; cycle-safe. */
    public Collection<DirectoryIdentity> closureOf(Collection<DirectoryIdentity> groups) {
        Map<String, DirectoryIdentity> seen = new LinkedHashMap<>();
        Deque<DirectoryIdentity> queue = new ArrayDeque<>();
        for (DirectoryIdentity group : groups) {
            if (seen.putIfAbsent(key(group), group) == null) {
                queue.add(group);
            }
        }
        while (!queue.isEmpty()) {
            DirectoryIdentity group = queue.poll();
            for (DirectoryIdentity member : membersOf.getOrDefault(key(group), Map.of()).values()) {
                if (seen.putIfAbsent(key(member), member) == null) {
                    queue.add(member);
                }
            }
        }
        return seen.values();
    }

    /** The identities with {@code memberOf} filled from this graph. */
    public List<DirectoryIdentity> withMemberOf(Collection<DirectoryIdentity> identities) {
        List<DirectoryIdentity> linked = new ArrayList<>(identities.size());
        for (DirectoryIdentity identity : identities) {
            List<String> groups = directGroupsOf(identity).stream()
                    .map(DirectoryIdentity::distinguishedName)
                    .sorted(String.CASE_INSENSITIVE_ORDER)
                    .toList();
            linked.add(identity.withMemberOf(groups));
        }
        return linked;
    }
}
