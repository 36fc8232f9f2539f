package io.vigil.model.directory;

/** Why a directory sync failed, so a console can say what to fix. */
public enum SyncErrorKind {
    /** No connection: host unknown, port closed, timeout. */
    UNREACHABLE,
    /** The TLS handshake failed: certificate not trusted or not the pinned one. */
    TLS,
    /** The bind was refused (LDAP result 49), with AD's reason when it gave one. */
    BAD_CREDENTIALS,
    /** The server does not hold the base DN and referred elsewhere. */
    REFERRAL,
    /** A server limit (size, admin, time) or one of Vigil's own bounds was hit. */
    LIMIT_EXCEEDED,
    /** An attribute value that cannot be decoded; the message names the entry and attribute. */
    MALFORMED_ATTRIBUTE,
    /** The server does not look like an AD domain controller (no highestCommittedUSN, …). */
    NOT_ACTIVE_DIRECTORY,
    /** The source cannot be used as configured: no bind password stored, an unreadable CA file, … */
    CONFIGURATION,
    /** The inventory could not be stored; the previous one stays in use. */
    STORE,
    /** Any other LDAP error; the message carries the result code and diagnostic. */
    LDAP_ERROR
}
