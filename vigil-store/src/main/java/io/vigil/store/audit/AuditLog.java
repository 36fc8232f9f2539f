package io.vigil.store.audit;

import io.vigil.model.audit.AuditEntry;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import io.vigil.store.internal.PagedQuery;
import io.vigil.store.internal.StoreContext;
import io.vigil.store.internal.Times;
import io.vigil.store.internal.Where;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.core.type.TypeReference;

/**
 * The append-only audit log. It has no update or delete on purpose, and the database rejects both
 * too (trigger migrations V2), so not even a bug or a hand-written statement can rewrite history.
 */
public final class AuditLog {

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() { };

    private final StoreContext store;
    private final RowMapper<AuditEntry> mapper;

    public AuditLog(StoreContext store) {
        this.store = store;
        this.mapper = (rs, row) -> new AuditEntry(
                rs.getLong("id"),
                Times.fromDb(rs, "occurred_at"),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("target"),
                AuditOutcome.valueOf(rs.getString("outcome")),
                store.json().read(rs.getString("details"), DETAILS),
                rs.getString("source_ip"));
    }

    /** Appends the entry, timed now unless it carries its own time; returns it with its id and time. */
    public AuditEntry append(AuditEntry entry) {
        Instant at = entry.at() == null ? store.now() : Times.storable(entry.at());
        var key = new GeneratedKeyHolder();
        store.jdbc().sql("INSERT INTO audit_log (occurred_at, actor, action, target, outcome, details, source_ip)"
                        + " VALUES (:at, :actor, :action, :target, :outcome, " + store.dialect().jsonParameter("details")
                        + ", :source_ip)")
                .param("at", Times.toDb(at))
                .param("actor", entry.actor())
                .param("action", entry.action())
                .param("target", entry.target())
                .param("outcome", entry.outcome().name())
                .param("details", store.json().write(entry.details()))
                .param("source_ip", entry.sourceIp())
                .update(key, "id");
        return new AuditEntry(key.getKeyAs(Number.class).longValue(), at, entry.actor(), entry.action(),
                entry.target(), entry.outcome(), entry.details(), entry.sourceIp());
    }

    /** Entries matching the filter, newest first. */
    public Page<AuditEntry> find(AuditFilter filter, PageRequest page) {
        Where where = new Where()
                .equalTo("actor", "actor", filter.actor())
                .equalTo("action", "action", filter.action())
                .equalTo("target", "target", filter.target())
                .equalTo("outcome", "outcome", filter.outcome() == null ? null : filter.outcome().name())
                .atOrAfter("occurred_at", "from_time", filter.from())
                .before("occurred_at", "to_time", filter.to());
        return PagedQuery.run(store.jdbc(), "*", "audit_log", where, "id DESC", page, mapper);
    }
}
