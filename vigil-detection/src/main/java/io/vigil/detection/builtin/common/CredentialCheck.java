package io.vigil.detection.builtin.common;

import io.vigil.model.identity.Account;
import io.vigil.model.identity.IdentityEvent;

/**
 * What an authentication event says about the credentials tried, read from the Kerberos status
 * (4768, 4771) or the NT status (4625 SubStatus else Status, 4776), reference §5.2. Brute force
 * counts password guesses; enumeration counts unknown names and reports the ones that exist.
 */
public enum CredentialCheck {
    SUCCEEDED,
    /** 0xc000006a, Kerberos 0x18 KDC_ERR_PREAUTH_FAILED. */
    BAD_PASSWORD,
    /** 0xc0000234. */
    LOCKED_OUT,
    /** 0xc0000064, Kerberos 0x6 KDC_ERR_C_PRINCIPAL_UNKNOWN. */
    UNKNOWN_ACCOUNT,
    /** A failure only an existing account gets (disabled, expired, pre-auth required, revoked…). */
    ACCOUNT_EXISTS,
    /** Anything else, including events that check no credential. */
    OTHER;

    private static final long NT_BAD_PASSWORD = 0xc000006aL;
    private static final long NT_NO_SUCH_USER = 0xc0000064L;
    private static final long NT_LOCKED_OUT = 0xc0000234L;
    private static final long NT_OUTSIDE_HOURS = 0xc000006fL;
    private static final long NT_WORKSTATION_RESTRICTED = 0xc0000070L;
    private static final long NT_PASSWORD_EXPIRED = 0xc0000071L;
    private static final long NT_ACCOUNT_DISABLED = 0xc0000072L;
    private static final long NT_ACCOUNT_EXPIRED = 0xc0000193L;
    private static final long NT_MUST_CHANGE_PASSWORD = 0xc0000224L;

    private static final long KDC_PRINCIPAL_UNKNOWN = 0x6;
    private static final long KDC_CLIENT_REVOKED = 0x12;
    private static final long KDC_KEY_EXPIRED = 0x17;
    private static final long KDC_PREAUTH_FAILED = 0x18;
    private static final long KDC_PREAUTH_REQUIRED = 0x19;

    public static CredentialCheck of(IdentityEvent e) {
        return switch (e.kind()) {
            case LOGON -> e.succeeded() ? SUCCEEDED : OTHER;
            case LOGON_FAILED -> ntStatus(e.subStatus() > 0 ? e.subStatus() : e.status());
            case NTLM_VALIDATION -> e.status() == 0 || e.succeeded() ? SUCCEEDED : ntStatus(e.status());
            case KERBEROS_TGT_REQUEST -> e.status() == 0 || e.succeeded() ? SUCCEEDED : kerberosStatus(e.status());
            case KERBEROS_PREAUTH_FAILED -> kerberosStatus(e.status());
            default -> OTHER;
        };
    }

    /** The account whose credentials were checked (the target, which these events set to the actor too). */
    public static Account accountOf(IdentityEvent e) {
        Account a = e.target() != null ? e.target() : e.actor();
        return a == null || a.key() == null ? null : a;
    }

    /** A wrong password was tried (a lock-out is what repeated wrong passwords end in). */
    public boolean isPasswordGuess() {
        return this == BAD_PASSWORD || this == LOCKED_OUT;
    }

    public boolean provesAccountExists() {
        return this != UNKNOWN_ACCOUNT && this != OTHER;
    }

    private static CredentialCheck ntStatus(long status) {
        if (status == NT_BAD_PASSWORD) {
            return BAD_PASSWORD;
        }
        if (status == NT_LOCKED_OUT) {
            return LOCKED_OUT;
        }
        if (status == NT_NO_SUCH_USER) {
            return UNKNOWN_ACCOUNT;
        }
        if (status == NT_OUTSIDE_HOURS || status == NT_WORKSTATION_RESTRICTED || status == NT_PASSWORD_EXPIRED
                || status == NT_ACCOUNT_DISABLED || status == NT_ACCOUNT_EXPIRED || status == NT_MUST_CHANGE_PASSWORD) {
            return ACCOUNT_EXISTS;
        }
        return OTHER;
    }

    private static CredentialCheck kerberosStatus(long status) {
        if (status == KDC_PREAUTH_FAILED) {
            return BAD_PASSWORD;
        }
        if (status == KDC_PRINCIPAL_UNKNOWN) {
            return UNKNOWN_ACCOUNT;
        }
        if (status == KDC_CLIENT_REVOKED || status == KDC_KEY_EXPIRED || status == KDC_PREAUTH_REQUIRED) {
            return ACCOUNT_EXISTS;
        }
        return OTHER;
    }
}
