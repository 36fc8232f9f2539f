package io.vigil.model.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the append-only audit log: who did what to whom, when, from where, and how it ended.
 *
 * @param id       assigned by the store in append order; {@code null} before the entry is appended
 * @param at       when it happened; the store fills it in when {@code null}
 * @param actor    user name, token name or {@code system}
 * @param action   e.g. {@code user.sign-in}, {@code detector.settings.update}, {@code pam.reset-password}
 * @param target   what the action was done to, e.g. an account, a detector id, an alert id
 * @param sourceIp the client address, when the action came over the network
 */
public record AuditEntry(
        Long id,
        Instant at,
        String actor,
        String action,
        String target,
        AuditOutcome outcome,
        Map<String, String> details,
        String sourceIp) {

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** An entry to append, timed by the store. */
    public static AuditEntry of(String actor, String action, String target, AuditOutcome outcome) {
        return new AuditEntry(null, null, actor, action, target, outcome, Map.of(), null);
    }

    public AuditEntry withDetails(Map<String, String> details) {
        return new AuditEntry(id, at, actor, action, target, outcome, details, sourceIp);
    }

    public AuditEntry withSourceIp(String sourceIp) {
        return new AuditEntry(id, at, actor, action, target, outcome, details, sourceIp);
    }

    public AuditEntry at(Instant time) {
        return new AuditEntry(id, time, actor, action, target, outcome, details, sourceIp);
    }
}
