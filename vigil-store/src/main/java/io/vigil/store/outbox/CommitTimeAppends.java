package io.vigil.store.outbox;

import io.vigil.store.internal.StoreContext;
import io.vigil.store.internal.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox rows of one transaction, written together just before it commits.
 *
 * <p>Exporters read the outbox by a cursor ("everything up to sequence N is delivered"), which is
 * only safe if no row can appear after a row with a higher sequence. Sequences drawn by each writer as
 * it goes (an identity column) would break that: two transactions may commit in the opposite order of
 * their sequences, and a worker that already moved past the later one would never see the earlier.
 * So the rows wait until the commit, then take consecutive sequences from {@code siem_outbox_head},
 * whose row lock is held to the end of the commit: sequences are handed out in commit order. Taking
 * the lock at the very end keeps it for milliseconds, not for the whole transaction (an alert
 * writer's flush), so analysts' triage is never held up by it.
 */
final class CommitTimeAppends implements TransactionSynchronization {

    /** One change waiting for the commit. */
    record Append(String alertId, String change, String alertJson) {
    }

    private final StoreContext store;
    private final Object key;
    private final List<Append> appends = new ArrayList<>();

    private CommitTimeAppends(StoreContext store, Object key) {
        this.store = store;
        this.key = key;
    }

    /**
     * Queues the row for the commit of the current transaction (keyed by {@code key}, one outbox per
     * database). Must be called inside a transaction with synchronisation active, which
     * {@link StoreContext#inTransaction} guarantees.
     */
    static void queue(StoreContext store, Object key, Append append) {
        CommitTimeAppends current = (CommitTimeAppends) TransactionSynchronizationManager.getResource(key);
        if (current == null) {
            current = new CommitTimeAppends(store, key);
            TransactionSynchronizationManager.bindResource(key, current);
            TransactionSynchronizationManager.registerSynchronization(current);
        }
        current.appends.add(append);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        if (appends.isEmpty()) {
            return;
        }
        int count = appends.size();
        // the lock: held from here to the end of this transaction
        store.jdbc().sql("UPDATE siem_outbox_head SET last_seq = last_seq + :count WHERE id = 1")
                .param("count", count)
                .update();
        long last = store.jdbc().sql("SELECT last_seq FROM siem_outbox_head WHERE id = 1").query(Long.class).single();
        Instant now = store.now();
        SqlParameterSource[] rows = new SqlParameterSource[count];
        for (int i = 0; i < count; i++) {
            Append a = appends.get(i);
            rows[i] = new MapSqlParameterSource()
                    .addValue("seq", last - count + 1 + i)
                    .addValue("alert_id", a.alertId())
                    .addValue("change", a.change())
                    .addValue("alert", a.alertJson())
                    .addValue("now", Times.toDb(now));
        }
        store.batches().batchUpdate("""
                INSERT INTO siem_outbox (seq, alert_id, change_kind, alert, created_at)
                VALUES (:seq, :alert_id, :change, :alert, :now)""", rows);
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(key);
    }
}
