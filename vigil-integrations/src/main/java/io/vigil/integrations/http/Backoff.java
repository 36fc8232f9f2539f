package io.vigil.integrations.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying again after {@code failures} failures in a row: exponential from
 * {@code initial}, capped at {@code max}, with "equal jitter" (half fixed, half random) so that
 * clients that failed together do not all come back at the same instant.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 <= initial <= max");
        }
    }

    /** The wait after the given number of consecutive failures (1 for the first). */
    public Duration delay(int failures) {
        long cap = max.toMillis();
        long exp = failures >= 31 ? cap : Math.min(cap, initial.toMillis() << Math.max(0, failures - 1));
        long half = exp / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1)));
    }

    /** What the server asked for when it said, else the back-off; never more than {@code ceiling}. */
    public Duration delay(int failures, Duration serverAsked, Duration ceiling) {
        Duration wait = serverAsked != null ? serverAsked : delay(failures);
        return wait.compareTo(ceiling) > 0 ? ceiling : wait;
    }
}
