package io.vigil.model.directory;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The groups Defender for Identity tags sensitive by default (reference §1.6), by well-known SID;
 * Microsoft Exchange Servers has no well-known SID and is matched by its account name.
 * {@link #withTierZeroExtras()} adds groups that are Tier 0 in practice but not in Defender's list.
 */
public final class DefaultSensitiveGroups {

    /** Builtin groups, S-1-5-32-RID. */
    private static final Set<String> BUILTIN_SIDS = Set.of(
            "S-1-5-32-544", // Administrators
            "S-1-5-32-547", // Power Users
            "S-1-5-32-548", // Account Operators
            "S-1-5-32-549", // Server Operators
            "S-1-5-32-550", // Print Operators
            "S-1-5-32-551", // Backup Operators
            "S-1-5-32-552", // Replicator
            "S-1-5-32-556", // Network Configuration Operators
            "S-1-5-32-557"); // Incoming Forest Trust Builders

    /** Domain groups, S-1-5-21-…-RID. */
    private static final Set<Long> DOMAIN_RIDS = Set.of(
            498L, // Enterprise Read-only Domain Controllers
            512L, // Domain Admins
            516L, // Domain Controllers
            518L, // Schema Admins
            519L, // Enterprise Admins
            520L, // Group Policy Creator Owners
            521L); // Read-only Domain Controllers

    private static final Set<String> NAMES = Set.of("microsoft exchange servers");

    /**
     * The groups' default English names, for events that name a group without its SID. A directory
     * entry is matched by SID instead: anyone may create a group called "Replicators" in an OU.
     */
    private static final Set<String> ENGLISH_NAMES = Set.of(
            "administrators", "power users", "account operators", "server operators", "print operators",
            "backup operators", "replicator", "replicators", "network configuration operators",
            "incoming forest trust builders", "domain admins", "domain controllers",
            "group policy creator owners", "read-only domain controllers",
            "enterprise read-only domain controllers", "schema admins", "enterprise admins",
            "microsoft exchange servers");

    private static final Set<String> EXTRA_BUILTIN_SIDS = Set.of("S-1-5-32-578"); // Hyper-V Administrators
    private static final Set<Long> EXTRA_DOMAIN_RIDS = Set.of(526L, 527L); // Key Admins, Enterprise Key Admins
    private static final Set<String> EXTRA_NAMES = Set.of("dnsadmins");
    private static final Set<String> EXTRA_ENGLISH_NAMES = Set.of("key admins", "enterprise key admins",
            "hyper-v administrators", "dnsadmins");

    private static final DefaultSensitiveGroups DEFENDER =
            new DefaultSensitiveGroups(BUILTIN_SIDS, DOMAIN_RIDS, NAMES, ENGLISH_NAMES);

    private final Set<String> builtinSids;
    private final Set<Long> domainRids;
    private final Set<String> names;
    private final Set<String> englishNames;

    private DefaultSensitiveGroups(Set<String> builtinSids, Set<Long> domainRids, Set<String> names,
                                   Set<String> englishNames) {
        this.builtinSids = builtinSids;
        this.domainRids = domainRids;
        this.names = names;
        this.englishNames = englishNames;
    }

    /** Defender for Identity's default list. */
    public static DefaultSensitiveGroups defender() {
        return DEFENDER;
    }

    /** Defender's list plus Key Admins, Enterprise Key Admins, Hyper-V Administrators and DnsAdmins. */
    public static DefaultSensitiveGroups withTierZeroExtras() {
        return new DefaultSensitiveGroups(union(BUILTIN_SIDS, EXTRA_BUILTIN_SIDS),
                union(DOMAIN_RIDS, EXTRA_DOMAIN_RIDS), union(NAMES, EXTRA_NAMES),
                union(ENGLISH_NAMES, EXTRA_ENGLISH_NAMES));
    }

    /**
     * Whether a group with this SID and account name is sensitive. Domain RIDs count only under
     * {@code S-1-5-21-}, so a builtin or well-known SID ending in the same number does not match.
     */
    public boolean isSensitive(String sid, String samAccountName) {
        if (sid != null) {
            String upper = sid.toUpperCase(Locale.ROOT);
            if (builtinSids.contains(upper)) {
                return true;
            }
            if (upper.startsWith("S-1-5-21-") && domainRids.contains(rid(upper))) {
                return true;
            }
        }
        return samAccountName != null && names.contains(samAccountName.toLowerCase(Locale.ROOT));
    }

    /** Whether an event's group name is one of these groups' default English names (any case). */
    public boolean hasDefaultName(String groupName) {
        return groupName != null && englishNames.contains(groupName.toLowerCase(Locale.ROOT));
    }

    private static long rid(String sid) {
        try {
            return Long.parseLong(sid.substring(sid.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        HashSet<T> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
