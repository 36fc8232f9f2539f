package io.vigil.integrations.pam;

import io.vigil.integrations.http.Sleeper;

import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * How a connector talks HTTP: timeouts, the retry budget for 429 and 5xx (exponential back-off with
 * jitter between {@code initialBackoff} and {@code maxBackoff}, or the server's {@code Retry-After}
 * when it gives one, refused when above {@code maxRetryAfter}), TLS (null: the JDK's default trust),
 * and the clock and sleeper used for waiting.
 *
 * @param maxAttempts sends per request, the first included
 */
public record PamHttpSettings(Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                              Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
                              SSLContext sslContext, Sleeper sleeper, Clock clock) {

    public PamHttpSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static PamHttpSettings defaults() {
        return new PamHttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 4, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofMinutes(2), null, Sleeper.system(), Clock.systemUTC());
    }

    public PamHttpSettings withTimeouts(Duration connect, Duration request) {
        return new PamHttpSettings(connect, request, maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, sslContext,
                sleeper, clock);
    }

    public PamHttpSettings withRetries(int attempts, Duration initial, Duration max, Duration maxServerWait) {
        return new PamHttpSettings(connectTimeout, requestTimeout, attempts, initial, max, maxServerWait, sslContext,
                sleeper, clock);
    }

    public PamHttpSettings withSslContext(SSLContext context) {
        return new PamHttpSettings(connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff, maxRetryAfter,
                context, sleeper, clock);
    }

    public PamHttpSettings withSleeper(Sleeper value) {
        return new PamHttpSettings(connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff, maxRetryAfter,
                sslContext, value, clock);
    }

    public PamHttpSettings withClock(Clock value) {
        return new PamHttpSettings(connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff, maxRetryAfter,
                sslContext, sleeper, value);
    }
}
