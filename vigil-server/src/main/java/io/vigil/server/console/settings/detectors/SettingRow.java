package io.vigil.server.console.settings.detectors;

import io.vigil.server.detectors.SettingView;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One detector setting on its page: what it is now (or what was just typed, on a refused form), its
 * default, and who last changed it.
 */
public record SettingRow(String name, String label, String value, String defaultValue, boolean overridden,
                         String updatedBy, Instant updatedAt) {

    static SettingRow of(SettingView s, Map<String, String> typed) {
        return new SettingRow(s.name(), label(s.name()), typed.getOrDefault(s.name(), s.value()), s.defaultValue(),
                s.overridden(), s.updatedBy(), s.updatedAt());
    }

    /** {@code excludedSources} → {@code Excluded sources}. */
    static String label(String name) {
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Every list setting of the built-in detectors is an exclusion list, named {@code excluded…}. */
    public boolean list() {
        return name.startsWith("excluded");
    }
}
