package io.vigil.store.incidents;

import io.vigil.model.alert.Severity;
import io.vigil.model.incident.IncidentStatus;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * Which incidents to list; an empty set or {@code null} means "any".
 *
 * @param from       keeps incidents active at or after this time (last activity ≥ from)
 * @param to         keeps incidents whose first activity is before this time
 * @param entityText a case-insensitive substring of one of the incident's entity keys; a scan, where
 *                   {@code entityKeys} is an index lookup
 * @param entityKeys keeps incidents involving one of these entities, keyed exactly as
 *                   {@link io.vigil.model.incident.EntityKey} spells them
 */
public record IncidentFilter(Set<IncidentStatus> statuses, Set<Severity> severities, String assignee,
                             Instant from, Instant to, String entityText, Set<String> entityKeys) {

    public IncidentFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        entityKeys = entityKeys == null ? Set.of() : Set.copyOf(entityKeys);
    }

    public IncidentFilter(Set<IncidentStatus> statuses, Set<Severity> severities, String assignee, Instant from,
                          Instant to, String entityText) {
        this(statuses, severities, assignee, from, to, entityText, null);
    }

    public static IncidentFilter any() {
        return new IncidentFilter(null, null, null, null, null, null, null);
    }

    public IncidentFilter withStatuses(IncidentStatus... statuses) {
        return new IncidentFilter(Set.of(statuses), severities, assignee, from, to, entityText, entityKeys);
    }

    public IncidentFilter withSeverities(Severity... severities) {
        return new IncidentFilter(statuses, Set.of(severities), assignee, from, to, entityText, entityKeys);
    }

    public IncidentFilter withAssignee(String assignee) {
        return new IncidentFilter(statuses, severities, assignee, from, to, entityText, entityKeys);
    }

    public IncidentFilter between(Instant from, Instant to) {
        return new IncidentFilter(statuses, severities, assignee, from, to, entityText, entityKeys);
    }

    public IncidentFilter withEntityText(String entityText) {
        return new IncidentFilter(statuses, severities, assignee, from, to, entityText, entityKeys);
    }

    public IncidentFilter withEntityKeys(Collection<String> entityKeys) {
        return new IncidentFilter(statuses, severities, assignee, from, to, entityText, Set.copyOf(entityKeys));
    }
}
