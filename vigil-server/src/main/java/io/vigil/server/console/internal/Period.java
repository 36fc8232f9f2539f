package io.vigil.server.console.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/** The "time" filter of the alert and incident lists: activity within the last day, week or month. */
public enum Period {
    DAY("24h", "Last 24 hours", Duration.ofDays(1)),
    WEEK("7d", "Last 7 days", Duration.ofDays(7)),
    MONTH("30d", "Last 30 days", Duration.ofDays(30));

    private final String value;
    private final String label;
    private final Duration length;

    Period(String value, String label, Duration length) {
        this.value = value;
        this.label = label;
        this.length = length;
    }

    /** What the query parameter says: {@code 24h}, {@code 7d}, {@code 30d}. */
    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    /** The period a parameter names; empty for "any time" (absent, blank or unknown). */
    public static Optional<Period> of(String value) {
        return Arrays.stream(values()).filter(p -> p.value.equals(value)).findFirst();
    }

    public Instant startBefore(Instant now) {
        return now.minus(length);
    }
}
