package io.vigil.integrations.secret;

import java.util.Arrays;

/**
 * Where an integration gets a credential (bind password, API key, client secret) when it signs in. Each call
 * returns a fresh copy that the connector wipes after use, so the secret store can hand out
 * decrypted values only for as long as a sign-in takes.
 */
@FunctionalInterface
public interface SecretSupplier {

    char[] get();

    /** A supplier holding a copy of the value (the caller may wipe its own array). Its toString never shows it. */
    static SecretSupplier of(char[] secret) {
        char[] copy = secret.clone();
        return new SecretSupplier() {
            @Override
            public char[] get() {
                return copy.clone();
            }

            @Override
            public String toString() {
                return "SecretSupplier[****]";
            }
        };
    }

    /** Wipes a copy obtained from {@link #get()}. */
    static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
