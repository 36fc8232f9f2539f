package io.vigil.detection.spi;

import java.time.Duration;
import java.time.Instant;
import io.vigil.model.identity.Endpoint;
import java.util.Collection;
import java.util.stream.Collectors;

/** Wording helpers so alert descriptions read alike across detectors ("5 accounts (a, b, …) within 1 second"). */
public final class AlertText {

    /** How many names a description spells out before it elides the rest. */
    public static final int NAMES_SHOWN = 5;

    private AlertText() {
    }

    /** {@code 1 account}, {@code 3 accounts}. */
    public static String count(long n, String singular) {
        return n + " " + (n == 1 ? singular : plural(singular));
    }

    /** {@code a, b, c, …} — the first {@link #NAMES_SHOWN} names, then an ellipsis. */
    public static String names(Collection<String> names) {
        String shown = names.stream().limit(NAMES_SHOWN).collect(Collectors.joining(", "));
        return names.size() > NAMES_SHOWN ? shown + ", …" : shown;
    }

    /** {@code 3 accounts (a, b, c)}. */
    public static String countedNames(Collection<String> names, String singular) {
        return count(names.size(), singular) + " (" + names(names) + ")";
    }

    /** Every name, comma-separated, for extended properties. */
    public static String all(Collection<String> names) {
        return String.join(", ", names);
    }

    /** {@code WORKSTATION5 (172.18.39.5)}, or {@code An unknown source}, to open a sentence with. */
    public static String sources(Collection<Endpoint> sources) {
        return sources.isEmpty() ? "An unknown source" : names(sources.stream().map(Endpoint::display).toList());
    }

    /** {@code " from WORKSTATION5 (172.18.39.5)"}, or empty when no source is known. */
    public static String from(Collection<Endpoint> sources) {
        return sources.isEmpty() ? "" : " from " + names(sources.stream().map(Endpoint::display).toList());
    }

    /** {@code within 1 second}, {@code within 4 minutes}: the span rounded up, never below one second. */
    public static String within(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        long seconds = Math.max(1, d.getSeconds() + (d.getNano() > 0 ? 1 : 0));
        if (seconds < 120) {
            return "within " + count(seconds, "second");
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 120) {
            return "within " + count(minutes, "minute");
        }
        return "within " + count((minutes + 59) / 60, "hour");
    }

    private static String plural(String singular) {
        if (singular.endsWith("y") && !singular.matches(".*[aeiou]y")) {
            return singular.substring(0, singular.length() - 1) + "ies";
        }
        if (singular.endsWith("s") || singular.endsWith("sh") || singular.endsWith("ch")) {
            return singular + "es";
        }
        return singular + "s";
    }
}
