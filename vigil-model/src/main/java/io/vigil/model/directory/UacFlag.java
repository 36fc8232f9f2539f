package io.vigil.model.directory;

import java.util.EnumSet;
import java.util.Set;

/** The bits of Active Directory's {@code userAccountControl} attribute (MS-ADTS 2.2.16). */
public enum UacFlag {
    SCRIPT(0x1),
    ACCOUNTDISABLE(0x2),
    HOMEDIR_REQUIRED(0x8),
    LOCKOUT(0x10),
    PASSWD_NOTREQD(0x20),
    PASSWD_CANT_CHANGE(0x40),
    ENCRYPTED_TEXT_PWD_ALLOWED(0x80),
    TEMP_DUPLICATE_ACCOUNT(0x100),
    NORMAL_ACCOUNT(0x200),
    INTERDOMAIN_TRUST_ACCOUNT(0x800),
    WORKSTATION_TRUST_ACCOUNT(0x1000),
    SERVER_TRUST_ACCOUNT(0x2000),
    DONT_EXPIRE_PASSWORD(0x10000),
    MNS_LOGON_ACCOUNT(0x20000),
    SMARTCARD_REQUIRED(0x40000),
    TRUSTED_FOR_DELEGATION(0x80000),
    NOT_DELEGATED(0x100000),
    USE_DES_KEY_ONLY(0x200000),
    DONT_REQ_PREAUTH(0x400000),
    PASSWORD_EXPIRED(0x800000),
    TRUSTED_TO_AUTH_FOR_DELEGATION(0x1000000),
    /** Set on read-only domain controllers' machine accounts. */
    PARTIAL_SECRETS_ACCOUNT(0x4000000);

    private final int bit;

    UacFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The flags set in a {@code userAccountControl} value; bits without a name are dropped. */
    public static Set<UacFlag> fromBits(long value) {
        EnumSet<UacFlag> flags = EnumSet.noneOf(UacFlag.class);
        for (UacFlag flag : values()) {
            if ((value & flag.bit) != 0) {
                flags.add(flag);
            }
        }
        return flags;
    }

    public static long toBits(Set<UacFlag> flags) {
        long value = 0;
        for (UacFlag flag : flags) {
            value |= flag.bit;
        }
        return value;
    }
}
