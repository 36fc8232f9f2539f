package io.vigil.integrations.ldap;

/**
 * Vigil's own bounds on what a directory may make a sync do. Values come from the directory and
 * may be attacker-influenced, so every loop is bounded; hitting a bound fails the sync with
 * LIMIT_EXCEEDED rather than yielding a truncated inventory.
 *
 * @param maxEntries            users, computers and groups in one domain
 * @param maxValuesPerAttribute values of one attribute of one entry, after range retrieval (group members)
 * @param maxEmptyPages         pages in a row that bring no entry yet promise more
 */
public record SyncLimits(int maxEntries, int maxValuesPerAttribute, int maxEmptyPages) {

    public static final SyncLimits DEFAULTS = new SyncLimits(2_000_000, 1_000_000, 100);

    public SyncLimits {
        if (maxEntries < 1 || maxValuesPerAttribute < 1 || maxEmptyPages < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
