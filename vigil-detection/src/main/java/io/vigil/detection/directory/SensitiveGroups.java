package io.vigil.detection.directory;

import io.vigil.model.identity.Account;
import java.util.Locale;
import java.util.Set;

/**
 * The groups Defender for Identity treats as sensitive by default (reference §1.6), recognised by
 * well-known SID when the event carries one, else by name (names are English defaults; a localised
 * domain is matched by SID).
 */
public final class SensitiveGroups {

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

    private static final Set<String> NAMES = Set.of(
            "administrators", "power users", "account operators", "server operators", "print operators",
            "backup operators", "replicator", "replicators", "network configuration operators",
            "incoming forest trust builders", "domain admins", "domain controllers",
            "group policy creator owners", "read-only domain controllers",
            "enterprise read-only domain controllers", "schema admins", "enterprise admins",
            "microsoft exchange servers");

    private SensitiveGroups() {
    }

    public static boolean isSensitive(Account group) {
        if (group == null) {
            return false;
        }
        String sid = group.sid();
        if (sid != null) {
            String upper = sid.toUpperCase(Locale.ROOT);
            if (BUILTIN_SIDS.contains(upper)) {
                return true;
            }
            if (upper.startsWith("S-1-5-21-") && DOMAIN_RIDS.contains(group.rid())) {
                return true;
            }
        }
        return group.name() != null && NAMES.contains(group.name().toLowerCase(Locale.ROOT));
    }
}
