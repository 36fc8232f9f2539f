package io.vigil.integrations.pam.delinea;

import java.security.SecureRandom;

/**
 * A random password for {@code change-password}, which (unlike the other vendors' "change now")
 * needs the caller to supply the value. It has every character class, so common AD complexity rules pass.
 */
final class RandomPassword {

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#%+-.:=?@_~";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomPassword() {
    }

    static char[] generate(int length) {
        char[] out = new char[length];
        out[0] = pick(UPPER);
        out[1] = pick(LOWER);
        out[2] = pick(DIGITS);
        out[3] = pick(SYMBOLS);
        for (int i = 4; i < length; i++) {
            out[i] = pick(ALL);
        }
        for (int i = length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    private static char pick(String from) {
        return from.charAt(RANDOM.nextInt(from.length()));
    }
}
