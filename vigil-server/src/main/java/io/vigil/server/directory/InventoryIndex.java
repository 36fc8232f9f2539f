package io.vigil.server.directory;

import io.vigil.detection.directory.SensitiveGroups;
import io.vigil.detection.spi.DirectoryView.Trust;
import io.vigil.integrations.ldap.IdentityNames;
import io.vigil.integrations.pam.PamVendor;
import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.DirectoryObjectKind;
import io.vigil.model.directory.DirectorySnapshot;
import io.vigil.model.directory.IdentityTag;
import io.vigil.model.directory.TaggedIdentity;
import io.vigil.model.identity.Account;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One immutable state of the tagged inventory of every synced domain, indexed for the questions
 * detectors and the API ask: by objectGUID, SID, DN and account name. An event's account is found by
 * SID when it carries one, else by name within its domain (DNS name, or its first label, which is the
 * NetBIOS name in most domains).
 */
public final class InventoryIndex {

    static final InventoryIndex EMPTY = new InventoryIndex(Map.of(), List.of(), Set.of(), Map.of());

    private final Map<String, DirectorySnapshot> snapshots;
    private final List<TaggedIdentity> identities;
    private final Map<UUID, TaggedIdentity> byGuid = new HashMap<>();
    private final Map<String, TaggedIdentity> bySid = new HashMap<>();
    private final Map<String, TaggedIdentity> byDn = new HashMap<>();
    private final Map<String, List<TaggedIdentity>> byName = new HashMap<>();
    private final Map<String, TaggedIdentity> byUpn = new HashMap<>();
    private final Map<String, String> domainSids = new HashMap<>();
    private final Set<String> honeytokenSids;
    private final Map<UUID, List<VaultReference>> vaultAccounts;

    /** @param vaultAccounts the vault accounts behind each managed identity's "Managed by" tags, by objectGUID */
    InventoryIndex(Map<String, DirectorySnapshot> snapshots, List<TaggedIdentity> identities, Set<String> honeytokenSids,
                   Map<UUID, List<VaultReference>> vaultAccounts) {
        this.snapshots = Map.copyOf(snapshots);
        this.identities = List.copyOf(identities);
        this.vaultAccounts = Map.copyOf(vaultAccounts);
        this.honeytokenSids = honeytokenSids.stream().map(InventoryIndex::upper).collect(Collectors.toUnmodifiableSet());
        for (TaggedIdentity tagged : identities) {
            DirectoryIdentity i = tagged.identity();
            byGuid.put(i.objectGuid(), tagged);
            byDn.put(lower(i.distinguishedName()), tagged);
            if (i.objectSid() != null) {
                bySid.put(upper(i.objectSid()), tagged);
                String prefix = domainSidOf(i.objectSid());
                if (prefix != null && i.domain() != null) {
                    domainSids.putIfAbsent(prefix, i.domain());
                }
            }
            if (i.samAccountName() != null) {
                byName.computeIfAbsent(lower(i.samAccountName()), k -> new ArrayList<>(1)).add(tagged);
            }
            if (i.userPrincipalName() != null) {
                byUpn.putIfAbsent(lower(i.userPrincipalName()), tagged);
            }
        }
    }

    public Map<String, DirectorySnapshot> snapshots() {
        return snapshots;
    }

    public List<TaggedIdentity> identities() {
        return identities;
    }

    public Optional<TaggedIdentity> byGuid(UUID guid) {
        return Optional.ofNullable(byGuid.get(guid));
    }

    public Optional<TaggedIdentity> bySid(String sid) {
        return sid == null ? Optional.empty() : Optional.ofNullable(bySid.get(upper(sid)));
    }

    Optional<TaggedIdentity> byDn(String dn) {
        return dn == null ? Optional.empty() : Optional.ofNullable(byDn.get(lower(dn)));
    }

    /** The identity an event's account names, if the inventory holds it. */
    public Optional<TaggedIdentity> resolve(Account account) {
        if (account == null) {
            return Optional.empty();
        }
        Optional<TaggedIdentity> bySid = bySid(account.sid());
        if (bySid.isPresent() || account.name() == null) {
            return bySid;
        }
        return byName(account.name(), account.domain());
    }

    /**
     * The identities a reference names: {@code DOMAIN\sAMAccountName}, a UPN, a DN, a SID, an objectGUID
     * or a bare {@code sAMAccountName}, as {@link IdentityNames} defines what an identity answers to. More
     * than one only when the reference is ambiguous (a bare name in several domains).
     */
    public List<TaggedIdentity> byReference(String reference) {
        if (reference == null || reference.isBlank()) {
            return List.of();
        }
        String ref = reference.strip();
        Set<TaggedIdentity> candidates = new LinkedHashSet<>();
        bySid(ref).ifPresent(candidates::add);
        byDn(ref).ifPresent(candidates::add);
        guid(ref).flatMap(this::byGuid).ifPresent(candidates::add);
        Optional.ofNullable(byUpn.get(lower(ref))).ifPresent(candidates::add);
        String sam = ref.substring(ref.lastIndexOf('\\') + 1);
        candidates.addAll(byName.getOrDefault(lower(sam), List.of()));
        return candidates.stream().filter(t -> IdentityNames.matches(t.identity(), ref)).toList();
    }

    /** Every vault-managed identity (objectGUID) with the vault accounts behind its "Managed by" tags. */
    public Map<UUID, List<VaultReference>> vaultAccounts() {
        return vaultAccounts;
    }

    /** The vault accounts behind the identity's "Managed by" tags; empty when no enabled vault manages it. */
    public List<VaultReference> vaultAccountsOf(UUID identity) {
        return vaultAccounts.getOrDefault(identity, List.of());
    }

    /** Whether a synced domain has this DNS name or first label. */
    public boolean knowsDomain(String domain) {
        return domain != null && snapshots.keySet().stream().anyMatch(d -> sameDomain(d, domain));
    }

    /** The vendors whose "Managed by" tag the account's identity carries. */
    Set<String> vaultsManaging(Account account) {
        if (vaultAccounts.isEmpty()) {
            return Set.of();
        }
        return resolve(account).map(t -> t.tags().stream().map(VaultTags::vendorOf).flatMap(Optional::stream)
                        .map(PamVendor::displayName).collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    private static Optional<UUID> guid(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException notAGuid) {
            return Optional.empty();
        }
    }

    /** By {@code sAMAccountName} within a domain named by DNS name or first label; without one, only when unambiguous. */
    Optional<TaggedIdentity> byName(String name, String domain) {
        List<TaggedIdentity> candidates = byName.getOrDefault(lower(name), List.of());
        List<TaggedIdentity> matching = domain == null ? candidates
                : candidates.stream().filter(t -> sameDomain(t.identity().domain(), domain)).toList();
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }

    /** The synced domains the account may belong to: by its SID's domain part, else by its domain name. */
    Set<String> domainsOf(Account account) {
        if (account == null || snapshots.isEmpty()) {
            return Set.of();
        }
        String bySid = account.sid() == null ? null : domainSids.get(domainSidOf(upper(account.sid())));
        if (bySid != null) {
            return Set.of(bySid);
        }
        if (account.domain() == null) {
            return snapshots.keySet();
        }
        return snapshots.keySet().stream().filter(d -> sameDomain(d, account.domain())).collect(Collectors.toSet());
    }

    Trust exists(Account account, Instant time) {
        if (resolve(account).isPresent()) {
            return Trust.YES;
        }
        Set<String> domains = domainsOf(account);
        if (domains.isEmpty()) {
            return Trust.UNKNOWN;
        }
        boolean readSince = domains.stream().allMatch(d -> !snapshots.get(d).syncedAt().isBefore(time));
        return readSince ? Trust.NO : Trust.UNKNOWN;
    }

    Trust isDomainController(Account account) {
        Optional<TaggedIdentity> found = resolve(account);
        if (found.isPresent()) {
            return found.get().has(IdentityTag.DOMAIN_CONTROLLER) ? Trust.YES : Trust.NO;
        }
        return domainsOf(account).isEmpty() ? Trust.UNKNOWN : Trust.NO;
    }

    boolean isHoneytoken(Account account) {
        if (account != null && account.sid() != null && honeytokenSids.contains(upper(account.sid()))) {
            return true;
        }
        return resolve(account).map(t -> t.has(IdentityTag.HONEYTOKEN)).orElse(false);
    }

    boolean isSensitiveGroup(Account group) {
        return resolve(group).map(t -> t.has(IdentityTag.SENSITIVE)).orElseGet(() -> SensitiveGroups.isSensitive(group));
    }

    /** The groups the identity is a member of through other groups, not directly; cycles are harmless. */
    public List<TaggedIdentity> nestedGroupsOf(DirectoryIdentity identity) {
        Set<String> direct = identity.memberOf().stream().map(InventoryIndex::lower).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>(direct);
        Deque<String> queue = new ArrayDeque<>(direct);
        Set<TaggedIdentity> nested = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            TaggedIdentity group = byDn.get(queue.poll());
            if (group == null) {
                continue;
            }
            for (String parent : group.identity().memberOf()) {
                String key = lower(parent);
                if (seen.add(key)) {
                    queue.add(key);
                    TaggedIdentity found = byDn.get(key);
                    if (found != null && found.identity().kind() == DirectoryObjectKind.GROUP) {
                        nested.add(found);
                    }
                }
            }
        }
        return List.copyOf(nested);
    }

    public List<TaggedIdentity> resolveDns(Collection<String> dns) {
        return dns.stream().map(this::byDn).flatMap(Optional::stream).toList();
    }

    /** {@code lab.example} matches {@code LAB.EXAMPLE} and {@code LAB}. */
    static boolean sameDomain(String dnsDomain, String named) {
        if (dnsDomain == null || named == null) {
            return false;
        }
        String dns = lower(dnsDomain);
        String other = lower(named);
        return dns.equals(other) || dns.startsWith(other + ".");
    }

    /** {@code S-1-5-21-a-b-c} of a domain account's SID, else null. */
    private static String domainSidOf(String sid) {
        String upper = upper(sid);
        int dash = upper.lastIndexOf('-');
        return upper.startsWith("S-1-5-21-") && dash > 0 ? upper.substring(0, dash) : null;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
