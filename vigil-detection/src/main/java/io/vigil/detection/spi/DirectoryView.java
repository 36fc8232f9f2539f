package io.vigil.detection.spi;

import io.vigil.model.identity.Account;
import java.time.Instant;
import java.util.Set;

/**
 * What detectors may ask of the directory. The answers come from the synced directory inventory when
 * the server has one, else from configuration (honeytokens, domain controllers) and from well-known
 * SIDs and names (sensitive groups).
 */
public interface DirectoryView {

    boolean isHoneytoken(Account account);

    /**
     * Whether an account is a domain controller's machine account. {@link Trust#UNKNOWN} when the
     * directory cannot say, so detectors can decide how to treat the unknown.
     */
    Trust isDomainController(Account account);

    /** Whether a group is sensitive as Defender for Identity defines it (§1.6 of the reference). */
    boolean isSensitiveGroup(Account group);

    /**
     * Whether the directory holds an inventory (of any age) of the domain an event names the account
     * in. False when there is no directory inventory at all, or the account belongs to another domain.
     */
    default boolean knowsDomainOf(Account account) {
        return false;
    }

    /**
     * Whether the account existed at {@code time}: {@link Trust#YES} when the inventory holds it;
     * {@link Trust#NO} when an inventory of its domain read at or after {@code time} does not (so an
     * account created after the last sync is never reported missing); {@link Trust#UNKNOWN} otherwise.
     */
    default Trust exists(Account account, Instant time) {
        return Trust.UNKNOWN;
    }

    /**
     * The PAM vaults that manage the account's password (the identity's "Managed by <vendor>" tags), by
     * vendor name, e.g. {@code CyberArk}; empty when none does or the directory does not know the account.
     */
    default Set<String> vaultsManaging(Account account) {
        return Set.of();
    }

    enum Trust { YES, NO, UNKNOWN }
}
