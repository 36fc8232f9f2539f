package io.vigil.server.detectors;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The automatic response settings a detector's settings carry besides its own configuration, all named
 * {@code response.*}: the server acts on them, the detector never sees them. Off by default.
 *
 * <p>{@code response.resetPassword}: when the detector raises a high-severity alert, ask the vault that
 * manages each account the alert names to reset its password — {@code off}, {@code after-approval}
 * (the request waits for an administrator to approve it) or {@code immediately}.
 */
public final class ResponseSettings {

    public static final String PREFIX = "response.";
    public static final String RESET_PASSWORD = PREFIX + "resetPassword";

    /** What the automatic response does about a password reset. */
    public enum PasswordReset {
        OFF("off"), AFTER_APPROVAL("after-approval"), IMMEDIATELY("immediately");

        private final String value;

        PasswordReset(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        static PasswordReset parse(String text) {
            String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(v -> v.value.equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("bad value for " + RESET_PASSWORD + ": '" + text
                            + "' (expected off, after-approval or immediately)"));
        }
    }

    private ResponseSettings() {
    }

    public static boolean isResponseSetting(String name) {
        return name.startsWith(PREFIX);
    }

    /**
     * The settings the detector itself takes: the response settings are the server's, and changing only
     * them neither rebuilds the engine nor replays the journal.
     */
    public static Map<String, String> withoutResponse(Map<String, String> settings) {
        Map<String, String> own = new LinkedHashMap<>(settings);
        own.keySet().removeIf(ResponseSettings::isResponseSetting);
        return own;
    }

    /** The response settings at their defaults, in the form stored settings take. */
    static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(RESET_PASSWORD, PasswordReset.OFF.value());
        return defaults;
    }

    /** @throws IllegalArgumentException naming the unknown setting or the bad value */
    static void validate(String name, String value) {
        if (!defaults().containsKey(name)) {
            throw new IllegalArgumentException("unknown setting " + name + "; response settings: " + defaults().keySet());
        }
        PasswordReset.parse(value);
    }

    /** The password reset response a detector's stored settings ask for. */
    public static PasswordReset passwordReset(Map<String, String> storedSettings) {
        String value = storedSettings.get(RESET_PASSWORD);
        return value == null ? PasswordReset.OFF : PasswordReset.parse(value);
    }
}
