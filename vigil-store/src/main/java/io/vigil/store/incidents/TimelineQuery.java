package io.vigil.store.incidents;

import io.vigil.model.alert.Evidence;
import io.vigil.model.alert.Severity;
import io.vigil.model.incident.TimelineEntry;
import io.vigil.store.internal.Json;
import io.vigil.store.internal.Times;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;

/** Builds an incident's timeline: its alerts and their evidence events, ordered by time. */
final class TimelineQuery {

    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() { };

    // At equal times an alert comes before the events it explains, then alerts and events by id.
    private static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::time)
            .thenComparing(TimelineEntry::kind)
            .thenComparing(TimelineEntry::alertId)
            .thenComparing(entry -> entry.evidence() == null ? 0L : entry.evidence().recordId());

    private final JdbcClient jdbc;
    private final Json json;

    TimelineQuery(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<TimelineEntry> of(String incidentId) {
        List<TimelineEntry> entries = new ArrayList<>();
        jdbc.sql("""
                        SELECT a.id, a.name, a.severity, a.start_time, a.evidence
                          FROM alerts a JOIN incident_alerts ia ON ia.alert_id = a.id
                         WHERE ia.incident_id = :incident_id""")
                .param("incident_id", incidentId)
                .query(rs -> {
                    String alertId = rs.getString("id");
                    String name = rs.getString("name");
                    Severity severity = Severity.valueOf(rs.getString("severity"));
                    entries.add(new TimelineEntry(Times.fromDb(rs, "start_time"), TimelineEntry.Kind.ALERT,
                            alertId, name, severity, null));
                    for (Evidence evidence : json.read(rs.getString("evidence"), EVIDENCE)) {
                        if (evidence.time() != null) {
                            entries.add(new TimelineEntry(evidence.time(), TimelineEntry.Kind.EVIDENCE,
                                    alertId, name, severity, evidence));
                        }
                    }
                });
        entries.sort(ORDER);
        return entries;
    }
}
