package io.vigil.store.outbox;

import io.vigil.model.alert.Alert;
import io.vigil.store.internal.StoreContext;
import io.vigil.store.internal.Times;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.RowMapper;

/**
 * The SIEM outbox: changes of alerts in commit order, and per exporter a cursor up to which its SIEM
 * accepted them. {@link #recordChange} is called by the alert repository inside the transaction that
 * writes the alert, so an alert is in the outbox if and only if its change was committed; the row is
 * written when that transaction commits (see {@link CommitTimeAppends}), so a row never appears below
 * an exporter's cursor.
 */
public final class OutboxRepository {

    private static final int PURGE_CHUNK = 10_000;

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
        // inTransaction joins the caller's transaction (or makes one), so the commit-time write is always armed
        store.inTransaction(() -> CommitTimeAppends.queue(store, this,
                new CommitTimeAppends.Append(exported.id(), change.name(), store.json().write(exported))));
    }

    /** The oldest {@code limit} rows the exporter has not delivered, in outbox order. */
    public List<OutboxEntry> pending(String exporterId, int limit) {
        return after(deliveredThrough(exporterId), limit);
    }

    /** The first {@code limit} rows after sequence {@code seq}, in outbox order: a range of the primary key. */
    public List<OutboxEntry> after(long seq, int limit) {
        return store.jdbc().sql("""
                        SELECT seq, change_kind, alert, created_at
                          FROM siem_outbox
                         WHERE seq > :after
                         ORDER BY seq
                         LIMIT :limit""")
                .param("after", seq)
                .param("limit", limit)
                .query(mapper)
                .list();
    }

    /**
     * The exporter's cursor: its SIEM accepted every row up to this sequence. For an exporter that no
     * longer exists, {@link Long#MAX_VALUE} (nothing is pending for it).
     */
    public long deliveredThrough(String exporterId) {
        return store.jdbc().sql("SELECT delivered_through FROM siem_delivery_status WHERE exporter_id = :exporter")
                .param("exporter", exporterId)
                .query(Long.class)
                .optional()
                .orElse(Long.MAX_VALUE);
    }

    /**
     * Moves the exporter's cursor to {@code seq} (its SIEM accepted every row up to it) and records the
     * success, in one statement. A cursor already at or past {@code seq} stays where it is, so marking the
     * same batch twice counts it once.
     */
    public void delivered(String exporterId, long seq) {
        Objects.requireNonNull(exporterId, "exporterId");
        store.jdbc().sql("""
                        UPDATE siem_delivery_status
                           SET delivered = delivered + (SELECT COUNT(*) FROM siem_outbox o
                                                         WHERE o.seq > siem_delivery_status.delivered_through
                                                           AND o.seq <= :through),
                               delivered_through = :through, last_delivered_at = :now, last_attempt_at = :now,
                               failures = 0, last_error = NULL, next_attempt_at = NULL
                         WHERE exporter_id = :exporter AND delivered_through < :through""")
                .param("through", seq)
                .param("now", Times.toDb(store.now()))
                .param("exporter", exporterId)
                .update();
    }

    /** Records a failed attempt and when the worker tries again. */
    public void failed(String exporterId, String message, Instant nextAttempt) {
        Instant now = store.now();
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
    }

    /** What is past the exporter's cursor. */
    public Backlog backlog(String exporterId) {
        return store.jdbc().sql("""
                        SELECT COUNT(*) AS n, MIN(o.created_at) AS oldest
                          FROM siem_outbox o
                         WHERE o.seq > :after""")
                .param("after", deliveredThrough(exporterId))
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

    /**
     * Deletes rows every exporter has delivered (at or below the lowest cursor; any row when there is no
     * exporter) that are older than {@code before}, in transactions of at most {@value #PURGE_CHUNK}
     * sequences; returns how many.
     */
    public int purgeDelivered(Instant before) {
        record Range(Long first, Long last) {
        }
        Range old = store.jdbc().sql("""
                        SELECT MIN(seq) AS first_seq, MAX(seq) AS last_seq FROM siem_outbox
                         WHERE created_at < :before
                           AND seq <= COALESCE((SELECT MIN(delivered_through) FROM siem_delivery_status),
                                               (SELECT last_seq FROM siem_outbox_head WHERE id = 1))""")
                .param("before", Times.toDb(before))
                .query((rs, row) -> new Range(rs.getObject("first_seq", Long.class), rs.getObject("last_seq", Long.class)))
                .single();
        if (old.first() == null) {
            return 0;
        }
        int purged = 0;
        for (long from = old.first() - 1; from < old.last(); from += PURGE_CHUNK) {
            purged += store.jdbc().sql("DELETE FROM siem_outbox WHERE seq > :from AND seq <= :to AND created_at < :before")
                    .param("from", from)
                    .param("to", Math.min(old.last(), from + PURGE_CHUNK))
                    .param("before", Times.toDb(before))
                    .update();
        }
        return purged;
    }
}
