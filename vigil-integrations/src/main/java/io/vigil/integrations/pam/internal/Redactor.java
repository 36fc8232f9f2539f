package io.vigil.integrations.pam.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Blanks session tokens and credentials out of messages before they leave the connector. */
public final class Redactor {

    private static final String MASK = "****";
    private final Set<String> live = ConcurrentHashMap.newKeySet();

    /** A token or cookie value to hide from every later message. */
    public void register(String secret) {
        if (secret != null && secret.length() >= 4) {
            live.add(secret);
        }
    }

    public void forget(String secret) {
        if (secret != null) {
            live.remove(secret);
        }
    }

    public String redact(String message, char[]... extra) {
        if (message == null) {
            return null;
        }
        String out = message;
        for (String secret : live) {
            out = out.replace(secret, MASK);
        }
        for (char[] secret : extra) {
            if (secret != null && secret.length >= 4) {
                out = replace(out, secret);
            }
        }
        return out;
    }

    /** Replaces occurrences of a char[] secret without turning it into a String. */
    private static String replace(String text, char[] secret) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (startsWith(text, i, secret)) {
                out.append(MASK);
                i += secret.length;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean startsWith(String text, int at, char[] secret) {
        if (at + secret.length > text.length()) {
            return false;
        }
        for (int j = 0; j < secret.length; j++) {
            if (text.charAt(at + j) != secret[j]) {
                return false;
            }
        }
        return true;
    }
}
