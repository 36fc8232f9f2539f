package io.vigil.store.alerts;

import io.vigil.model.alert.Alert;
import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Severity;
import io.vigil.model.incident.EntityKey;
import io.vigil.store.NotFoundException;
import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import io.vigil.store.StaleVersionException;
import io.vigil.store.internal.PagedQuery;
import io.vigil.store.internal.StoreContext;
import io.vigil.store.internal.TriageUpdate;
import io.vigil.store.internal.Times;
import io.vigil.store.internal.Upsert;
import io.vigil.store.internal.Where;
import io.vigil.store.outbox.OutboxRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Alerts, their entity keys and their comments. */
public final class AlertRepository {

    private static final String ALERT = "alert";
    /** Every column but the evidence. */
    private static final String SUMMARY_COLUMNS = "a.id, a.type, a.external_id, a.alert_type_name, a.name, a.severity,"
            + " a.status, a.classification, a.assignee, a.description, a.remediation, a.start_time, a.end_time, a.tactics,"
            + " a.techniques, a.compromised_entity, a.entities, a.extended_properties, a.evidence_count, a.created_at,"
            + " a.updated_at, a.version";
    /** What an {@link AlertOutline} holds. */
    private static final String OUTLINE_COLUMNS = "a.id, a.severity, a.status, a.end_time, a.entities";
    /** Newest start time first; the id makes the order total, so pages never overlap. */
    private static final String NEWEST_FIRST = "a.start_time DESC, a.id";
    /**
     * Rows a streaming read takes from the database at a time. PostgreSQL holds the rest in a cursor;
     * H2, embedded, has the whole result at hand anyway.
     */
    static final int STREAM_FETCH_SIZE = 500;
    /** A severity as its ordinal, so that MAX picks the worst. */
    private static final String SEVERITY_RANK = Arrays.stream(Severity.values())
            .map(s -> "WHEN '" + s.name() + "' THEN " + s.ordinal())
            .collect(Collectors.joining(" ", "CASE a.severity ", " END"));

    private final StoreContext store;
    private final AlertRowMapper alertMapper;
    private final AlertRowMapper summaryMapper;
    private final OutboxRepository outbox;

    public AlertRepository(StoreContext store, OutboxRepository outbox) {
        this.store = store;
        this.alertMapper = new AlertRowMapper(store.json());
        this.summaryMapper = new AlertRowMapper(store.json(), false);
        this.outbox = outbox;
    }

    /**
     * Inserts the alert, or updates what the detector owns (evidence, times, description, …) when an
     * alert with its id exists. Status, classification and assignee of an existing alert are the
     * analysts' and are kept. A new alert, and a change a SIEM would see, go to the SIEM outbox in the
     * same transaction.
     */
    public StoredAlert upsert(Alert alert) {
        return store.inTransaction(() -> {
            save(alert);
            return findById(alert.id()).orElseThrow();
        });
    }

    /**
     * {@link #upsert} without reading the alert back: what the detection pipeline calls for every
     * re-emitted alert. The outbox compares the alert without its evidence, so the evidence is
     * never parsed here: it is most of an alert's weight.
     */
    public void save(Alert alert) {
        Instant now = store.now();
        store.inTransaction(() -> {
            Alert before = findWithoutEvidence(alert.id()).map(StoredAlert::alert).orElse(null);
            Upsert.into("alerts", "id")
                    .value("id", alert.id())
                    .value("type", alert.type())
                    .value("external_id", alert.externalId())
                    .value("alert_type_name", alert.alertTypeName())
                    .value("name", alert.name())
                    .value("severity", alert.severity().name())
                    .insertOnly("status", alert.status().name())
                    .insertOnly("classification", alert.classification().name())
                    .value("description", alert.description())
                    .json("remediation", store.json().write(alert.remediationSteps()))
                    .value("start_time", Times.toDb(Times.storable(alert.startTime())))
                    .value("end_time", Times.toDb(Times.storable(alert.endTime())))
                    .value("tactics", AlertRowMapper.tacticsColumn(alert.tactics()))
                    .json("techniques", store.json().write(alert.techniques()))
                    .value("compromised_entity", alert.compromisedEntity())
                    .json("entities", store.json().write(alert.entities(), AlertRowMapper.ENTITIES))
                    .json("extended_properties", store.json().write(alert.extendedProperties()))
                    .json("evidence", store.json().write(alert.evidence()))
                    .value("evidence_count", alert.evidenceCount())
                    .insertOnly("created_at", Times.toDb(now))
                    .value("updated_at", Times.toDb(now))
                    .execute(store.jdbc(), store.dialect());
            replaceEntityKeys(alert);
            // status and classification are the analysts' once the alert exists (insert-only columns)
            outbox.recordChange(before, before == null ? alert : alert.withTriage(before.status(), before.classification()));
        });
    }

    public boolean exists(String id) {
        return store.jdbc().sql("SELECT COUNT(*) FROM alerts WHERE id = :id").param("id", id).query(Long.class).single() > 0;
    }

    /** When the alert's activity began and ended, without reading the rest of it. */
    public Optional<Activity> activity(String id) {
        return store.jdbc().sql("SELECT start_time, end_time FROM alerts WHERE id = :id").param("id", id)
                .query((rs, row) -> new Activity(Times.fromDb(rs, "start_time"), Times.fromDb(rs, "end_time")))
                .optional();
    }

    /** The entity keys an alert is indexed by (see {@link io.vigil.model.incident.EntityKey}). */
    public Set<String> entityKeys(String id) {
        return new TreeSet<>(store.jdbc().sql("SELECT entity_key FROM alert_entities WHERE alert_id = :id")
                .param("id", id).query(String.class).list());
    }

    public record Activity(Instant start, Instant end) {
    }

    private Optional<StoredAlert> findWithoutEvidence(String id) {
        return store.jdbc().sql("SELECT * FROM alerts WHERE id = :id").param("id", id).query(summaryMapper).optional();
    }

    public Optional<StoredAlert> findById(String id) {
        return store.jdbc().sql("SELECT * FROM alerts WHERE id = :id").param("id", id).query(alertMapper).optional();
    }

    /** Alerts matching the filter, newest start time first. */
    public Page<StoredAlert> find(AlertFilter filter, PageRequest page) {
        return PagedQuery.run(store.jdbc(), "a.*", "alerts a", where(filter), NEWEST_FIRST, page, alertMapper);
    }

    /** {@link #find} without the evidence, most of an alert's weight: what a list shows. */
    public Page<StoredAlert> findSummaries(AlertFilter filter, PageRequest page) {
        return PagedQuery.run(store.jdbc(), SUMMARY_COLUMNS, "alerts a", where(filter), NEWEST_FIRST, page, summaryMapper);
    }

    /**
     * Every alert matching the filter, in {@link #find}'s order, handed to {@code each} as it is read,
     * in one query: for callers that go through all of them, which paging through {@link #find} makes
     * quadratic (each page's offset is sorted and skipped again). Runs in a transaction, which PostgreSQL
     * needs to stream the rows; {@code each} should not take long over an alert.
     */
    public void forEach(AlertFilter filter, Consumer<StoredAlert> each) {
        stream("a.*", filter, alertMapper, each);
    }

    /** {@link #forEach} reading only the alerts' outlines: neither their text nor their evidence. */
    public void forEachOutline(AlertFilter filter, Consumer<AlertOutline> each) {
        stream(OUTLINE_COLUMNS, filter, this::outline, each);
    }

    private <T> void stream(String select, AlertFilter filter, RowMapper<T> mapper, Consumer<T> each) {
        Where where = where(filter);
        store.inTransaction(() -> store.jdbc()
                .sql("SELECT " + select + " FROM alerts a" + where.sql() + " ORDER BY " + NEWEST_FIRST)
                .params(where.parameters())
                .withFetchSize(STREAM_FETCH_SIZE)
                .query((RowCallbackHandler) rs -> each.accept(mapper.mapRow(rs, rs.getRow()))));
    }

    private AlertOutline outline(ResultSet rs, int row) throws SQLException {
        return new AlertOutline(rs.getString("id"), Severity.valueOf(rs.getString("severity")),
                AlertStatus.valueOf(rs.getString("status")), Times.fromDb(rs, "end_time"),
                store.json().read(rs.getString("entities"), AlertRowMapper.ENTITIES));
    }

    private static Where where(AlertFilter filter) {
        return new Where()
                .enumIn("a.status", "statuses", filter.statuses())
                .enumIn("a.severity", "severities", filter.severities())
                .in("a.type", "types", filter.types())
                .atOrAfter("a.end_time", "from_time", filter.from())
                .before("a.start_time", "to_time", filter.to())
                .containsText("(LOWER(a.compromised_entity) LIKE :entity_text ESCAPE '\\'"
                        + " OR EXISTS (SELECT 1 FROM alert_entities e WHERE e.alert_id = a.id"
                        + " AND e.entity_key LIKE :entity_text ESCAPE '\\'))", "entity_text", filter.entityText())
                .in("a.id", "(SELECT k.alert_id FROM alert_entities k WHERE k.entity_key IN (:entity_keys))",
                        "entity_keys", filter.entityKeys());
    }

    /** When the most recent alert started (the start time index's last entry); empty without alerts. */
    public Optional<Instant> latestStart() {
        List<Instant> latest = store.jdbc().sql("SELECT MAX(start_time) AS latest FROM alerts")
                .query((rs, row) -> Times.fromDb(rs, "latest")).list();
        return latest.isEmpty() ? Optional.empty() : Optional.ofNullable(latest.get(0));
    }

    /** How many alerts started in {@code [from, to)}, by severity; severities without any are absent. */
    public Map<Severity, Long> countBySeverity(Instant from, Instant to) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        store.jdbc().sql("""
                        SELECT severity, COUNT(*) AS alerts FROM alerts
                         WHERE start_time >= :from_time AND start_time < :to_time GROUP BY severity""")
                .param("from_time", Times.toDb(from))
                .param("to_time", Times.toDb(to))
                .query(rs -> {
                    counts.put(Severity.valueOf(rs.getString("severity")), rs.getLong("alerts"));
                });
        return counts;
    }

    /**
     * Every account entity's alerts added up, in one aggregate over the entity index: no alert is
     * read whole. The cost grows with the number of alerts, so callers keep the answer a while.
     */
    public List<EntityActivity> accountActivity() {
        return store.jdbc().sql("SELECT e.entity_key, COUNT(*) AS alerts, MAX(a.end_time) AS last_seen, MAX("
                        + SEVERITY_RANK + ") AS highest, MAX(CASE WHEN a.status <> 'RESOLVED' THEN " + SEVERITY_RANK
                        + " ELSE -1 END) AS open_highest"
                        + " FROM alert_entities e JOIN alerts a ON a.id = e.alert_id"
                        + " WHERE e.entity_key LIKE 'account:%' GROUP BY e.entity_key")
                .query((rs, row) -> new EntityActivity(rs.getString("entity_key"), rs.getLong("alerts"),
                        Times.fromDb(rs, "last_seen"), severityOfRank(rs.getInt("highest")),
                        rs.getInt("open_highest") < 0 ? null : severityOfRank(rs.getInt("open_highest"))))
                .list();
    }

    private static Severity severityOfRank(int rank) {
        return Severity.values()[rank];
    }

    /**
     * Sets the analyst fields if the alert is still at {@code expectedVersion}; a new status goes to the
     * SIEM outbox in the same transaction.
     *
     * @throws StaleVersionException when someone else changed it since
     * @throws NotFoundException     when there is no such alert
     */
    public StoredAlert updateTriage(String id, long expectedVersion, AlertTriage triage) {
        return store.inTransaction(() -> {
            Alert before = findWithoutEvidence(id).map(StoredAlert::alert).orElse(null);
            StoredAlert after = TriageUpdate.apply(store, "alerts", ALERT, id, expectedVersion, triage.status().name(),
                    triage.classification().name(), triage.assignee(), this::findById, StoredAlert::version);
            outbox.recordChange(before, after.alert());
            return after;
        });
    }

    /** @throws NotFoundException when there is no such alert */
    public AlertComment addComment(String alertId, String author, String text) {
        Instant now = store.now();
        var key = new GeneratedKeyHolder();
        try {
            store.jdbc().sql("INSERT INTO alert_comments (alert_id, author, body, created_at) VALUES (:alert_id, :author, :body, :now)")
                    .param("alert_id", alertId)
                    .param("author", author)
                    .param("body", text)
                    .param("now", Times.toDb(now))
                    .update(key, "id");
        } catch (DataIntegrityViolationException missingAlert) {
            throw new NotFoundException(ALERT, alertId);
        }
        return new AlertComment(key.getKeyAs(Number.class).longValue(), alertId, author, text, now);
    }

    /** Comments oldest first. */
    public List<AlertComment> comments(String alertId) {
        RowMapper<AlertComment> mapper = (rs, row) -> new AlertComment(rs.getLong("id"), rs.getString("alert_id"),
                rs.getString("author"), rs.getString("body"), Times.fromDb(rs, "created_at"));
        return store.jdbc().sql("SELECT * FROM alert_comments WHERE alert_id = :alert_id ORDER BY created_at, id")
                .param("alert_id", alertId)
                .query(mapper)
                .list();
    }

    private void replaceEntityKeys(Alert alert) {
        store.jdbc().sql("DELETE FROM alert_entities WHERE alert_id = :id").param("id", alert.id()).update();
        alert.entities().stream().map(EntityKey::of).distinct().forEach(key ->
                store.jdbc().sql("INSERT INTO alert_entities (alert_id, entity_key) VALUES (:id, :key)")
                        .param("id", alert.id())
                        .param("key", key)
                        .update());
    }
}
