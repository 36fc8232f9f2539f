package io.vigil.integrations.pam.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the vendors' time values leniently: Unix seconds (CyberArk; milliseconds when too large to
 * be seconds), ISO-8601 with or without offset (a zone-less date-time is taken as UTC, which is how
 * BeyondTrust and Delinea write theirs as far as the contract knows), and .NET {@code /Date(ms)/}.
 */
public final class Timestamps {

    private static final Pattern DOTNET = Pattern.compile("/Date\\((-?\\d+)(?:[+-]\\d{4})?\\)/");
    private static final long SECONDS_LIMIT = 100_000_000_000L;

    private Timestamps() {
    }

    /** The instant, or null when absent, null, zero or unreadable. */
    public static Instant read(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return epoch(node.asLong());
        }
        if (!node.isString()) {
            return null;
        }
        return parse(node.stringValue());
    }

    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (t.chars().allMatch(Character::isDigit)) {
            return epoch(Long.parseLong(t));
        }
        Matcher dotnet = DOTNET.matcher(t);
        if (dotnet.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(dotnet.group(1)));
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static Instant epoch(long value) {
        if (value <= 0) {
            return null;
        }
        return value >= SECONDS_LIMIT ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
}
