package io.vigil.server.console.incidents;

import io.vigil.model.alert.Severity;
import io.vigil.model.incident.IncidentStatus;
import io.vigil.server.api.ApiValues;
import io.vigil.server.console.internal.Period;
import io.vigil.store.incidents.IncidentFilter;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The incident list's filter form as the query string carries it; blank means any.
 *
 * @param status {@code new}, {@code active}, {@code closed}, or {@code open} for new and active
 * @param period {@code 24h}, {@code 7d} or {@code 30d}: incidents active within it
 * @param entity part of an account, host or address the incident involves
 */
public record IncidentFilters(String status, String severity, String assignee, String period, String entity) {

    static final String OPEN = "open";

    IncidentFilter toFilter(Instant now) {
        Instant from = Period.of(period).map(p -> p.startBefore(now)).orElse(null);
        Set<IncidentStatus> statuses = OPEN.equals(status) ? EnumSet.of(IncidentStatus.NEW, IncidentStatus.ACTIVE)
                : ApiValues.parseAll(IncidentStatus.class, "status", Stream.ofNullable(status).toList());
        return new IncidentFilter(statuses,
                ApiValues.parseAll(Severity.class, "severity", Stream.ofNullable(severity).toList()),
                assignee == null || assignee.isBlank() ? null : assignee.strip(), from, null, entity);
    }
}
