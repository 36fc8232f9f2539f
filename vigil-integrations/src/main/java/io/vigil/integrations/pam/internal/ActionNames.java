package io.vigil.integrations.pam.internal;

import java.util.Locale;

/** Vendors' audit action names compared the same however they are spaced, hyphenated or cased. */
public final class ActionNames {

    private ActionNames() {
    }

    /** {@code "Check-In"}, {@code "CHECK IN"} and {@code "checkin"} all become {@code checkin}; null stays null. */
    public static String squeezed(String action) {
        if (action == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(action.length());
        action.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetter).forEach(out::appendCodePoint);
        return out.toString();
    }
}
