package io.vigil.server.audit;

import io.vigil.model.audit.AuditEntry;
import io.vigil.server.api.ApiValues;
import java.time.Instant;
import java.util.Map;

/** One line of the audit log: who did what to what, when, from where, and how it ended. */
public record AuditEntryView(long id, Instant at, String actor, String action, String target, String outcome,
                             Map<String, String> details, String sourceIp) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.id(), e.at(), e.actor(), e.action(), e.target(), ApiValues.name(e.outcome()),
                e.details(), e.sourceIp());
    }
}
