package io.vigil.store.alerts;

import io.vigil.model.alert.Alert;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Alerts, their entity keys and their comments. */
public final class AlertRepository {

    private static final String ALERT = "alert";

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
        Where where = new Where()
                .enumIn("a.status", "statuses", filter.statuses())
                .enumIn("a.severity", "severities", filter.severities())
                .in("a.type", "types", filter.types())
                .atOrAfter("a.end_time", "from_time", filter.from())
                .before("a.start_time", "to_time", filter.to())
                .containsText("(LOWER(a.compromised_entity) LIKE :entity_text ESCAPE '\\'"
                        + " OR EXISTS (SELECT 1 FROM alert_entities e WHERE e.alert_id = a.id"
                        + " AND e.entity_key LIKE :entity_text ESCAPE '\\'))", "entity_text", filter.entityText());
        return PagedQuery.run(store.jdbc(), "a.*", "alerts a", where, "a.start_time DESC, a.id", page, alertMapper);
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
