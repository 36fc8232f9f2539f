package io.vigil.store.audit;

import io.vigil.model.audit.AuditOutcome;

import java.time.Instant;

/** Which audit entries to list; {@code null} means "any". {@code from} is inclusive, {@code to} exclusive. */
public record AuditFilter(String actor, String action, String target, AuditOutcome outcome, Instant from, Instant to) {

    public static AuditFilter any() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    public AuditFilter withActor(String actor) {
        return new AuditFilter(actor, action, target, outcome, from, to);
    }

    public AuditFilter withAction(String action) {
        return new AuditFilter(actor, action, target, outcome, from, to);
    }

    public AuditFilter withTarget(String target) {
        return new AuditFilter(actor, action, target, outcome, from, to);
    }

    public AuditFilter withOutcome(AuditOutcome outcome) {
        return new AuditFilter(actor, action, target, outcome, from, to);
    }

    public AuditFilter between(Instant from, Instant to) {
        return new AuditFilter(actor, action, target, outcome, from, to);
    }
}
