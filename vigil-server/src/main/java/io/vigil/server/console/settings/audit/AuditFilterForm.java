package io.vigil.server.console.settings.audit;

import io.vigil.server.api.InvalidRequestException;
import io.vigil.server.audit.AuditQuery;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The audit log page's filters as typed: times from {@code <input type="datetime-local">}, read as UTC
 * like every time the console shows.
 */
public record AuditFilterForm(String actor, String action, String target, String outcome, String from, String to) {

    AuditQuery query() {
        return new AuditQuery(actor, action, target, outcome, time("from", from), time("to", to));
    }

    private static Instant time(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "'" + text + "' is not a date and time such as 2026-11-30T08:00");
        }
    }

    public String value(String text) {
        return text == null ? "" : text;
    }
}
