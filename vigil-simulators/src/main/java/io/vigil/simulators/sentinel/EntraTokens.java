package io.vigil.simulators.sentinel;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens the stand-in issued, with the audience each was issued for and when it expires. */
final class EntraTokens {

    record Issued(String audience, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> live = new ConcurrentHashMap<>();
    private final Clock clock;

    EntraTokens(Clock clock) {
        this.clock = clock;
    }

    String issue(String audience, Duration lifetime) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "eyJ0eXAiOiJKV1QiLCJzaW0iOnRydWV9." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        live.put(token, new Issued(audience, clock.instant().plus(lifetime)));
        return token;
    }

    /** The token's grant, or null when unknown or expired. */
    Issued check(String token) {
        Issued issued = token == null ? null : live.get(token);
        return issued == null || !clock.instant().isBefore(issued.expiresAt()) ? null : issued;
    }

    void expireAll() {
        live.clear();
    }
}
