package io.vigil.integrations.http;

import java.time.Duration;
import java.time.Instant;

/** A bearer token and when it stops being valid. Its toString never shows the token. */
public final class AccessToken {

    private final String value;
    private final Instant expiresAt;

    public AccessToken(String value, Instant expiresAt) {
        this.value = value;
        this.expiresAt = expiresAt;
    }

    /** Assumed when a token answer carries no {@code expires_in}. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);

    /** A token from an OAuth answer: {@code expires_in} seconds after {@code issued}, or the default when not positive. */
    public static AccessToken issued(String value, Instant issued, long expiresInSeconds) {
        return new AccessToken(value, issued.plus(expiresInSeconds > 0 ? Duration.ofSeconds(expiresInSeconds) : DEFAULT_LIFETIME));
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
