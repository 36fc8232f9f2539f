package io.vigil.detection.builtin.common;

import java.time.Duration;
import java.util.Set;

/** Validation shared by the built-in detectors' configuration records. */
public final class ConfigChecks {

    private ConfigChecks() {
    }

    public static int atLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
        return value;
    }

    public static Duration positive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
        return value;
    }

    public static Set<String> names(Set<String> value) {
        return value == null ? Set.of() : Set.copyOf(value);
    }

    /** A set of whole numbers written as text (settings bind lists as text). */
    public static Set<String> numbers(Set<String> value, String name) {
        Set<String> numbers = names(value);
        for (String n : numbers) {
            if (!n.strip().matches("\\d{1,9}")) {
                throw new IllegalArgumentException(name + " must list whole numbers, was '" + n + "'");
            }
        }
        return numbers;
    }
}
