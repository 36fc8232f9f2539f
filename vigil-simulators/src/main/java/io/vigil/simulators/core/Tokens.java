package io.vigil.simulators.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Opaque session tokens (or cookie values) with a lifetime, which tests can expire at will. */
public final class Tokens {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> live = new ConcurrentHashMap<>();
    private final Clock clock;

    public Tokens(Clock clock) {
        this.clock = clock;
    }

    public String issue(Duration lifetime) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        live.put(token, clock.instant().plus(lifetime));
        return token;
    }

    public boolean valid(String token) {
        if (token == null) {
            return false;
        }
        Instant expiry = live.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    public void revoke(String token) {
        if (token != null) {
            live.remove(token);
        }
    }

    /** Ends every session, as a server timeout would; the next call with an old token gets the vendor's auth error. */
    public void expireAll() {
        live.clear();
    }

    public int liveCount() {
        return live.size();
    }
}
