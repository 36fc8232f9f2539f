package io.vigil.server.audit;

import io.vigil.model.audit.AuditOutcome;
import io.vigil.server.api.ApiValues;
import io.vigil.store.audit.AuditFilter;
import java.time.Instant;

/**
 * Which audit entries to list, as a caller types it: blank means any; {@code actor}, {@code action} and
 * {@code target} are exact; {@code from} is inclusive, {@code to} exclusive.
 */
public record AuditQuery(String actor, String action, String target, String outcome, Instant from, Instant to) {

    /** @throws io.vigil.server.api.InvalidRequestException when the outcome is not one the log records */
    AuditFilter filter() {
        return new AuditFilter(blankToNull(actor), blankToNull(action), blankToNull(target),
                outcome == null || outcome.isBlank() ? null : ApiValues.parse(AuditOutcome.class, "outcome", outcome),
                from, to);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
