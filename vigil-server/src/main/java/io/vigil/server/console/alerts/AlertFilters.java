package io.vigil.server.console.alerts;

import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Severity;
import io.vigil.server.api.ApiValues;
import io.vigil.server.console.internal.Period;
import io.vigil.store.alerts.AlertFilter;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The alert list's filter form as the query string carries it; blank means any. Values are API names
 * ({@code high}, {@code in_progress}); an unknown one is a 400 that names it.
 *
 * @param detector a detector id
 * @param period   {@code 24h}, {@code 7d} or {@code 30d}: alerts active within it
 * @param entity   part of an account, host or address the alert is about
 */
public record AlertFilters(String severity, String status, String detector, String period, String entity) {

    AlertFilter toFilter(Instant now) {
        Set<String> types = detector == null || detector.isBlank() ? Set.of() : Set.of(detector.strip());
        Instant from = Period.of(period).map(p -> p.startBefore(now)).orElse(null);
        return new AlertFilter(ApiValues.parseAll(AlertStatus.class, "status", listOf(status)),
                ApiValues.parseAll(Severity.class, "severity", listOf(severity)), types, from, null, entity);
    }

    private static java.util.List<String> listOf(String value) {
        return Stream.ofNullable(value).toList();
    }
}
