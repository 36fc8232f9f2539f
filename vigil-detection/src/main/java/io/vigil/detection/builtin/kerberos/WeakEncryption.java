package io.vigil.detection.builtin.kerberos;

/**
 * Kerberos encryption types an attacker asks for because their tickets crack fast offline: RC4-HMAC
 * (0x17), RC4-HMAC-EXP (0x18) and the DES types (0x1, 0x3), which no supported Windows client requests
 * by default. AES (0x11, 0x12) is not weak.
 */
final class WeakEncryption {

    private WeakEncryption() {
    }

    static boolean isWeak(int encryptionType) {
        return nameOf(encryptionType) != null;
    }

    /** {@code RC4}, {@code DES}, or null for a type that is not weak. */
    static String nameOf(int encryptionType) {
        return switch (encryptionType) {
            case 0x17, 0x18 -> "RC4";
            case 0x1, 0x3 -> "DES";
            default -> null;
        };
    }
}
