package io.vigil.store.alerts;

import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Severity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which alerts to list; an empty set or {@code null} means "any".
 *
 * @param from       keeps alerts still active at or after this time (end time ≥ from)
 * @param to         keeps alerts that started before this time
 * @param entityText a case-insensitive substring of an entity key (e.g. {@code alice}, {@code 10.0.0.5})
 *                   or of the compromised entity; a scan, where {@code entityKeys} is an index lookup
 * @param entityKeys keeps alerts about one of these entities, keyed exactly as
 *                   {@link io.vigil.model.incident.EntityKey} spells them
 */
public record AlertFilter(Set<AlertStatus> statuses, Set<Severity> severities, Set<String> types,
                          Instant from, Instant to, String entityText, Set<String> entityKeys) {

    public AlertFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        types = types == null ? Set.of() : Set.copyOf(types);
        entityKeys = entityKeys == null ? Set.of() : Set.copyOf(entityKeys);
    }

    public AlertFilter(Set<AlertStatus> statuses, Set<Severity> severities, Set<String> types, Instant from, Instant to,
                       String entityText) {
        this(statuses, severities, types, from, to, entityText, null);
    }

    public static AlertFilter any() {
        return new AlertFilter(null, null, null, null, null, null, null);
    }

    public AlertFilter withStatuses(AlertStatus... statuses) {
        return new AlertFilter(Set.of(statuses), severities, types, from, to, entityText, entityKeys);
    }

    public AlertFilter withSeverities(Severity... severities) {
        return new AlertFilter(statuses, Set.of(severities), types, from, to, entityText, entityKeys);
    }

    public AlertFilter withTypes(String... types) {
        return new AlertFilter(statuses, severities, Set.copyOf(List.of(types)), from, to, entityText, entityKeys);
    }

    public AlertFilter between(Instant from, Instant to) {
        return new AlertFilter(statuses, severities, types, from, to, entityText, entityKeys);
    }

    public AlertFilter withEntityText(String entityText) {
        return new AlertFilter(statuses, severities, types, from, to, entityText, entityKeys);
    }

    public AlertFilter withEntityKeys(Collection<String> entityKeys) {
        return new AlertFilter(statuses, severities, types, from, to, entityText, Set.copyOf(entityKeys));
    }
}
