package io.vigil.detection.spi;

import io.vigil.model.identity.Account;

/**
 * What detectors may ask of the directory. Until directory sync exists the answers come from
 * configuration (honeytokens, domain controllers) and from well-known SIDs and names (sensitive
 * groups); later the LDAP inventory answers the same questions.
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

    enum Trust { YES, NO, UNKNOWN }
}
