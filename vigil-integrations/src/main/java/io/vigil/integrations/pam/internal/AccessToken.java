package io.vigil.integrations.pam.internal;

import java.time.Instant;

/** A bearer token and when it stops being valid. Its toString never shows the token. */
public final class AccessToken {

    private final String value;
    private final Instant expiresAt;

    public AccessToken(String value, Instant expiresAt) {
        this.value = value;
        this.expiresAt = expiresAt;
    }

    public String value() {
        return value;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "AccessToken[****, expires " + expiresAt + "]";
    }
}
