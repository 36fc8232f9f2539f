package io.vigil.store.incidents;

import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Classification;
import io.vigil.model.alert.Severity;
import io.vigil.model.incident.Incident;
import io.vigil.model.incident.IncidentStatus;
import io.vigil.model.incident.TimelineEntry;
import io.vigil.store.AlreadyExistsException;
import io.vigil.store.NotFoundException;
import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import io.vigil.store.StaleVersionException;
import io.vigil.store.alerts.AlertRepository;
import io.vigil.store.internal.PagedQuery;
import io.vigil.store.internal.StoreContext;
import io.vigil.store.internal.TriageUpdate;
import io.vigil.store.internal.Times;
import io.vigil.store.internal.Where;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/**
 * Incidents: alerts that share an entity within a time window, grouped into one story.
 * Grouping ({@link #group}) is meant to run on one writer thread: two concurrent calls for alerts
 * about the same new entity could each open an incident.
 */
public final class IncidentRepository {

    private static final String INCIDENT = "incident";
    private static final IncidentRowMapper MAPPER = new IncidentRowMapper();

    private final StoreContext store;
    private final AlertRepository alerts;
    private final TimelineQuery timeline;

    public IncidentRepository(StoreContext store, AlertRepository alerts) {
        this.store = store;
        this.alerts = alerts;
        this.timeline = new TimelineQuery(store.jdbc(), store.json());
    }

    /** Opens a new, empty incident. */
    public Incident create(String title, Severity severity, Instant firstActivity, Instant lastActivity) {
        String id = UUID.randomUUID().toString();
        Instant now = store.now();
        store.jdbc().sql("""
                        INSERT INTO incidents (id, title, severity, status, classification, first_activity, last_activity,
                                               created_at, updated_at)
                        VALUES (:id, :title, :severity, :status, :classification, :first, :last, :now, :now)""")
                .param("id", id)
                .param("title", title)
                .param("severity", severity.name())
                .param("status", IncidentStatus.NEW.name())
                .param("classification", Classification.UNDETERMINED.name())
                .param("first", Times.toDb(Times.storable(firstActivity)))
                .param("last", Times.toDb(Times.storable(lastActivity)))
                .param("now", Times.toDb(now))
                .update();
        return findById(id).orElseThrow();
    }

    /**
     * Adds the alert to the incident, merges its entity keys into the incident's, and recomputes the
     * incident's severity (its worst alert) and activity times. Attaching an alert again refreshes them.
     *
     * @throws AlreadyExistsException when the alert belongs to another incident
     * @throws NotFoundException      when the incident or the alert does not exist
     */
    public Incident attach(String incidentId, String alertId) {
        return store.inTransaction(() -> {
            attach(incidentId, alertId, incidentOfAlert(alertId));
            return findById(incidentId).orElseThrow();
        });
    }

    /** {@link #attach}'s work, for an alert {@code current}ly in that incident, in another, or in none. */
    private void attach(String incidentId, String alertId, Optional<String> current) {
        if (current.isPresent() && !current.get().equals(incidentId)) {
            throw new AlreadyExistsException("alert " + alertId + " already belongs to incident " + current.get(), null);
        }
        StoredSummary incident = storedSummary(incidentId).orElseThrow(() -> new NotFoundException(INCIDENT, incidentId));
        AlertSummary alert = alertSummary(alertId).orElseThrow(() -> new NotFoundException("alert", alertId));
        if (current.isEmpty()) {
            store.jdbc().sql("INSERT INTO incident_alerts (incident_id, alert_id, attached_at) VALUES (:incident_id, :alert_id, :now)")
                    .param("incident_id", incidentId)
                    .param("alert_id", alertId)
                    .param("now", Times.toDb(store.now()))
                    .update();
        }
        mergeEntityKeys(incidentId, alertId);
        if (current.isEmpty() && incident.hasAlerts()) {
            // the summary already covers the other alerts: a new one can only widen it
            writeSummary(incidentId, alert.widen(incident.summary()));
        } else {
            // an alert attached again may have changed since, even for the better: recompute from all
            refreshSummary(incidentId);
        }
    }

    /**
     * The most recently active open incident that shares one of {@code entityKeys} and whose activity
     * overlaps {@code [from, to]}.
     */
    public Optional<Incident> findOpenSharingEntity(Collection<String> entityKeys, Instant from, Instant to) {
        return openIncidentSharingEntity(entityKeys, from, to).flatMap(this::findById);
    }

    /**
     * The id of {@link #findOpenSharingEntity}'s incident: without the alert count, which would count
     * the alerts of every candidate, thousands for an incident that keeps growing.
     */
    private Optional<String> openIncidentSharingEntity(Collection<String> entityKeys, Instant from, Instant to) {
        if (entityKeys.isEmpty()) {
            return Optional.empty();
        }
        // driven by the entity index: the incidents that ever shared a key are few, the open ones many
        return store.jdbc().sql("""
                        SELECT i.id FROM incidents i
                        WHERE i.id IN (SELECT e.incident_id FROM incident_entities e WHERE e.entity_key IN (:keys))
                          AND i.status <> :closed
                          AND i.last_activity >= :from_time AND i.first_activity <= :to_time
                        ORDER BY i.last_activity DESC, i.id
                        LIMIT 1""")
                .param("closed", IncidentStatus.CLOSED.name())
                .param("from_time", Times.toDb(from))
                .param("to_time", Times.toDb(to))
                .param("keys", List.copyOf(entityKeys))
                .query(String.class)
                .optional();
    }

    /**
     * The grouping rule: puts the alert into the open incident that shares one of its entities within
     * {@code window} of its activity, or into a new incident when there is none. Idempotent: an alert
     * already grouped stays where it is, and its incident is refreshed.
     *
     * @throws NotFoundException when the alert does not exist
     */
    public Incident group(String alertId, Duration window) {
        return store.inTransaction(() -> findById(place(alertId, window)).orElseThrow());
    }

    /**
     * {@link #group}, returning only the incident's id: for the alert writer, which groups every alert
     * it stores and needs nothing back. Reading the incident would count its alerts, a cost that grows
     * with the incident.
     */
    public String place(String alertId, Duration window) {
        return store.inTransaction(() -> {
            Optional<String> current = incidentOfAlert(alertId);
            if (current.isPresent()) {
                attach(current.get(), alertId, current);
                return current.get();
            }
            AlertRepository.Activity activity = alerts.activity(alertId)
                    .orElseThrow(() -> new NotFoundException("alert", alertId));
            String incidentId = openIncidentSharingEntity(alerts.entityKeys(alertId), activity.start().minus(window),
                    activity.end().plus(window)).orElseGet(() -> {
                        Alert alert = alerts.findById(alertId).orElseThrow().alert();
                        return create(titleFor(alert), alert.severity(), alert.startTime(), alert.endTime()).id();
                    });
            attach(incidentId, alertId, current);
            return incidentId;
        });
    }

    public Optional<Incident> findById(String id) {
        return store.jdbc().sql("SELECT " + IncidentRowMapper.SELECT + " FROM incidents i WHERE i.id = :id")
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    public Optional<Incident> findByAlert(String alertId) {
        return incidentOfAlert(alertId).flatMap(this::findById);
    }

    /** Incidents matching the filter, most recently active first. */
    public Page<Incident> find(IncidentFilter filter, PageRequest page) {
        Where where = new Where()
                .enumIn("i.status", "statuses", filter.statuses())
                .enumIn("i.severity", "severities", filter.severities())
                .equalTo("i.assignee", "assignee", filter.assignee())
                .atOrAfter("i.last_activity", "from_time", filter.from())
                .before("i.first_activity", "to_time", filter.to())
                .containsText("EXISTS (SELECT 1 FROM incident_entities e WHERE e.incident_id = i.id"
                        + " AND e.entity_key LIKE :entity_text ESCAPE '\\')", "entity_text", filter.entityText())
                .in("i.id", "(SELECT k.incident_id FROM incident_entities k WHERE k.entity_key IN (:entity_keys))",
                        "entity_keys", filter.entityKeys());
        return PagedQuery.run(store.jdbc(), IncidentRowMapper.SELECT, "incidents i", where,
                "i.last_activity DESC, i.id", page, MAPPER);
    }

    /** How many incidents are not closed, by severity; severities without any are absent. */
    public Map<Severity, Long> countOpenBySeverity() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        store.jdbc().sql("SELECT severity, COUNT(*) AS incidents FROM incidents WHERE status <> :closed GROUP BY severity")
                .param("closed", IncidentStatus.CLOSED.name())
                .query(rs -> {
                    counts.put(Severity.valueOf(rs.getString("severity")), rs.getLong("incidents"));
                });
        return counts;
    }

    /**
     * Sets the analyst fields if the incident is still at {@code expectedVersion}.
     *
     * @throws StaleVersionException when someone else changed it since
     * @throws NotFoundException     when there is no such incident
     */
    public Incident updateTriage(String id, long expectedVersion, IncidentTriage triage) {
        return TriageUpdate.apply(store, "incidents", INCIDENT, id, expectedVersion, triage.status().name(),
                triage.classification().name(), triage.assignee(), this::findById, Incident::version);
    }

    /** The incident's alert ids, earliest alert first. */
    public List<String> alertIds(String incidentId) {
        return store.jdbc().sql("""
                        SELECT a.id FROM alerts a JOIN incident_alerts ia ON ia.alert_id = a.id
                         WHERE ia.incident_id = :incident_id ORDER BY a.start_time, a.id""")
                .param("incident_id", incidentId)
                .query(String.class)
                .list();
    }

    /** The entity keys the incident groups on, sorted. */
    public Set<String> entityKeys(String incidentId) {
        return new TreeSet<>(store.jdbc().sql("SELECT entity_key FROM incident_entities WHERE incident_id = :incident_id")
                .param("incident_id", incidentId)
                .query(String.class)
                .list());
    }

    /** Its alerts and their evidence events, ordered by time. */
    public List<TimelineEntry> timeline(String incidentId) {
        return timeline.of(incidentId);
    }

    private Optional<String> incidentOfAlert(String alertId) {
        return store.jdbc().sql("SELECT incident_id FROM incident_alerts WHERE alert_id = :alert_id")
                .param("alert_id", alertId)
                .query(String.class)
                .optional();
    }

    private void mergeEntityKeys(String incidentId, String alertId) {
        store.jdbc().sql("""
                        INSERT INTO incident_entities (incident_id, entity_key)
                        SELECT :incident_id, ae.entity_key FROM alert_entities ae
                         WHERE ae.alert_id = :alert_id
                           AND NOT EXISTS (SELECT 1 FROM incident_entities ie
                                            WHERE ie.incident_id = :incident_id AND ie.entity_key = ae.entity_key)""")
                .param("incident_id", incidentId)
                .param("alert_id", alertId)
                .update();
    }

    /** The incident's summary as stored, and whether any alert is attached to it (without counting them). */
    private Optional<StoredSummary> storedSummary(String incidentId) {
        return store.jdbc().sql("""
                        SELECT i.severity, i.first_activity AS start_time, i.last_activity AS end_time,
                               EXISTS (SELECT 1 FROM incident_alerts ia WHERE ia.incident_id = i.id) AS has_alerts
                          FROM incidents i WHERE i.id = :id""")
                .param("id", incidentId)
                .query((rs, row) -> new StoredSummary(AlertSummary.MAPPER.mapRow(rs, row), rs.getBoolean("has_alerts")))
                .optional();
    }

    private record StoredSummary(AlertSummary summary, boolean hasAlerts) {
    }

    private Optional<AlertSummary> alertSummary(String alertId) {
        return store.jdbc().sql("SELECT severity, start_time, end_time FROM alerts WHERE id = :id")
                .param("id", alertId)
                .query(AlertSummary.MAPPER)
                .optional();
    }

    private void refreshSummary(String incidentId) {
        store.jdbc().sql("""
                        SELECT a.severity, a.start_time, a.end_time FROM alerts a
                          JOIN incident_alerts ia ON ia.alert_id = a.id WHERE ia.incident_id = :incident_id""")
                .param("incident_id", incidentId)
                .query(AlertSummary.MAPPER)
                .list().stream()
                .reduce(AlertSummary::widen)
                .ifPresent(summary -> writeSummary(incidentId, summary));
    }

    private void writeSummary(String incidentId, AlertSummary summary) {
        store.jdbc().sql("""
                        UPDATE incidents SET severity = :severity, first_activity = :first, last_activity = :last,
                               updated_at = :now WHERE id = :id""")
                .param("severity", summary.severity().name())
                .param("first", Times.toDb(summary.start()))
                .param("last", Times.toDb(summary.end()))
                .param("now", Times.toDb(store.now()))
                .param("id", incidentId)
                .update();
    }

    /** What an incident takes from its alerts: the worst severity, the earliest start and the latest end. */
    private record AlertSummary(Severity severity, Instant start, Instant end) {

        static final RowMapper<AlertSummary> MAPPER = (rs, row) -> new AlertSummary(Severity.valueOf(rs.getString("severity")),
                Times.fromDb(rs, "start_time"), Times.fromDb(rs, "end_time"));

        AlertSummary widen(AlertSummary other) {
            return new AlertSummary(severity.compareTo(other.severity) >= 0 ? severity : other.severity,
                    start.isBefore(other.start) ? start : other.start, end.isAfter(other.end) ? end : other.end);
        }
    }

    private static String titleFor(Alert alert) {
        String name = alert.name() == null ? alert.type() : alert.name();
        return alert.compromisedEntity() == null ? name : name + " involving " + alert.compromisedEntity();
    }
}
