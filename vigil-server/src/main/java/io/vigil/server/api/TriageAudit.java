package io.vigil.server.api;

import io.vigil.model.audit.AuditOutcome;
import io.vigil.server.security.AuditTrail;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Audits an analyst's triage of an alert or incident: which fields went from what to what. */
public final class TriageAudit {

    private TriageAudit() {
    }

    /** The triage fields as they were and as they are now, for one audit entry. */
    public record Fields(String status, String classification, String assignee) {
    }

    public static void record(AuditTrail audit, String kind, String id, Fields before, Fields after) {
        Map<String, String> details = new LinkedHashMap<>();
        change(details, "status", before.status(), after.status());
        change(details, "classification", before.classification(), after.classification());
        change(details, "assignee", before.assignee(), after.assignee());
        audit.record(kind + ".triage", kind + " " + id, AuditOutcome.SUCCESS, details);
    }

    private static void change(Map<String, String> details, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            details.put(field, (before == null ? "none" : before) + " -> " + (after == null ? "none" : after));
        }
    }
}
