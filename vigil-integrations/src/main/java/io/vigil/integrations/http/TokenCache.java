package io.vigil.integrations.http;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A bearer token fetched on first use and again shortly before it expires, or as soon as the API
 * says it is no longer valid. Its toString never shows the token.
 */
public final class TokenCache {

    /** Renew this long before expiry, so a token never lapses between the check and the call. */
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final Supplier<AccessToken> source;
    private final Clock clock;
    private AccessToken token;

    public TokenCache(Supplier<AccessToken> source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** The current token, fetching one when there is none or it is about to expire. */
    public synchronized AccessToken token() {
        if (token == null || !clock.instant().plus(MARGIN).isBefore(token.expiresAt())) {
            token = source.get();
        }
        return token;
    }

    /** Forgets the token so the next {@link #token()} fetches a new one. */
    public synchronized void invalidate() {
        token = null;
    }

    public synchronized boolean hasToken() {
        return token != null;
    }

    @Override
    public String toString() {
        return "TokenCache[****]";
    }
}
