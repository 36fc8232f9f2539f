package io.vigil.store.outbox;

import io.vigil.model.alert.Alert;
import io.vigil.store.internal.StoreContext;
import io.vigil.store.internal.Times;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The SIEM outbox: changes of alerts waiting to be delivered, one pending mark per (row, exporter).
 * {@link #recordChange} is called by the alert repository inside the transaction that writes the
 * alert, so an alert is in the outbox if and only if its change was committed.
 */
public final class OutboxRepository {

    private final StoreContext store;
    private final RowMapper<OutboxEntry> mapper;

    public OutboxRepository(StoreContext store) {
        this.store = store;
        this.mapper = (rs, row) -> new OutboxEntry(rs.getLong("seq"), store.json().read(rs.getString("alert"),
                OutboxJson.ALERT), OutboxChange.valueOf(rs.getString("change_kind")), Times.fromDb(rs, "created_at"));
    }

    /**
     * Puts the alert into the outbox when a SIEM would see a difference: a new alert, a new status,
     * or other exported content changed. Must run in the transaction that wrote {@code after}, the
     * alert as that transaction left it (with the analysts' status and classification).
     *
     * @param before the alert as it was before this transaction, null when it is new
     * @return the change recorded, or null when nothing a SIEM sees changed
     */
    public OutboxChange recordChange(Alert before, Alert after) {
        Alert exported = OutboxJson.withoutEvidence(after);
        OutboxChange change;
        if (before == null) {
            change = OutboxChange.NEW;
        } else if (before.status() != after.status()) {
            change = OutboxChange.STATUS;
        } else if (!OutboxJson.sameForSiem(before, after)) {
            change = OutboxChange.UPDATE;
        } else {
            return null;
        }
        append(exported, change);
        return change;
    }

    private void append(Alert exported, OutboxChange change) {
        var key = new GeneratedKeyHolder();
        store.jdbc().sql("INSERT INTO siem_outbox (alert_id, change_kind, alert, created_at) VALUES (:alert_id, :change, :alert, :now)")
                .param("alert_id", exported.id())
                .param("change", change.name())
                .param("alert", store.json().write(exported))
                .param("now", Times.toDb(store.now()))
                .update(key, "seq");
        long seq = key.getKeyAs(Number.class).longValue();
        store.jdbc().sql("INSERT INTO siem_pending (exporter_id, seq) SELECT id, :seq FROM siem_exporters")
                .param("seq", seq)
                .update();
    }

    /** The oldest {@code limit} rows the exporter has not delivered, in outbox order. */
    public List<OutboxEntry> pending(String exporterId, int limit) {
        return store.jdbc().sql("""
                        SELECT o.seq, o.change_kind, o.alert, o.created_at
                          FROM siem_pending p JOIN siem_outbox o ON o.seq = p.seq
                         WHERE p.exporter_id = :exporter
                         ORDER BY p.seq
                         LIMIT :limit""")
                .param("exporter", exporterId)
                .param("limit", limit)
                .query(mapper)
                .list();
    }

    /** Marks rows as accepted by the exporter's SIEM and records the success, in one transaction. */
    public void delivered(String exporterId, List<Long> seqs) {
        Objects.requireNonNull(exporterId, "exporterId");
        if (seqs.isEmpty()) {
            return;
        }
        Instant now = store.now();
        store.inTransaction(() -> {
            int marked = 0;
            for (int from = 0; from < seqs.size(); from += 1000) {
                marked += store.jdbc().sql("DELETE FROM siem_pending WHERE exporter_id = :exporter AND seq IN (:seqs)")
                        .param("exporter", exporterId)
                        .param("seqs", seqs.subList(from, Math.min(seqs.size(), from + 1000)))
                        .update();
            }
            ensureStatus(exporterId);
            store.jdbc().sql("""
                            UPDATE siem_delivery_status
                               SET delivered = delivered + :count, last_delivered_at = :now, last_attempt_at = :now,
                                   failures = 0, last_error = NULL, next_attempt_at = NULL
                             WHERE exporter_id = :exporter""")
                    .param("count", marked)
                    .param("now", Times.toDb(now))
                    .param("exporter", exporterId)
                    .update();
        });
    }

    /** Records a failed attempt and when the worker tries again. */
    public void failed(String exporterId, String message, Instant nextAttempt) {
        Instant now = store.now();
        store.inTransaction(() -> {
            ensureStatus(exporterId);
            store.jdbc().sql("""
                            UPDATE siem_delivery_status
                               SET failures = failures + 1, last_error = :error, last_error_at = :now,
                                   last_attempt_at = :now, next_attempt_at = :next
                             WHERE exporter_id = :exporter""")
                    .param("error", message.length() > 2000 ? message.substring(0, 2000) : message)
                    .param("now", Times.toDb(now))
                    .param("next", Times.toDb(Times.storable(nextAttempt)))
                    .param("exporter", exporterId)
                    .update();
        });
    }

    public Backlog backlog(String exporterId) {
        return store.jdbc().sql("""
                        SELECT COUNT(*) AS n, MIN(o.created_at) AS oldest
                          FROM siem_pending p JOIN siem_outbox o ON o.seq = p.seq
                         WHERE p.exporter_id = :exporter""")
                .param("exporter", exporterId)
                .query((rs, row) -> new Backlog(rs.getLong("n"), Times.fromDb(rs, "oldest")))
                .single();
    }

    public DeliveryStatus status(String exporterId) {
        return store.jdbc().sql("SELECT * FROM siem_delivery_status WHERE exporter_id = :exporter")
                .param("exporter", exporterId)
                .query((rs, row) -> new DeliveryStatus(rs.getLong("delivered"), Times.fromDb(rs, "last_delivered_at"),
                        Times.fromDb(rs, "last_attempt_at"), rs.getInt("failures"), rs.getString("last_error"),
                        Times.fromDb(rs, "last_error_at"), Times.fromDb(rs, "next_attempt_at")))
                .optional()
                .orElse(DeliveryStatus.NONE);
    }

    /** Deletes rows every exporter has delivered that are older than {@code before}; returns how many. */
    public int purgeDelivered(Instant before) {
        return store.jdbc().sql("""
                        DELETE FROM siem_outbox
                         WHERE created_at < :before
                           AND NOT EXISTS (SELECT 1 FROM siem_pending p WHERE p.seq = siem_outbox.seq)""")
                .param("before", Times.toDb(before))
                .update();
    }

    private void ensureStatus(String exporterId) {
        store.jdbc().sql("""
                        INSERT INTO siem_delivery_status (exporter_id, delivered, failures)
                        SELECT id, 0, 0 FROM siem_exporters e
                         WHERE e.id = :exporter
                           AND NOT EXISTS (SELECT 1 FROM siem_delivery_status s WHERE s.exporter_id = :exporter)""")
                .param("exporter", exporterId)
                .update();
    }
}
