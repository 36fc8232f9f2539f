package io.vigil.store.checkpoints;

import io.vigil.store.internal.StoreContext;
import io.vigil.store.internal.Times;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Detector-state snapshots: save the newest, load the newest, keep only the last few. */
public final class CheckpointRepository {

    private final StoreContext store;

    public CheckpointRepository(StoreContext store) {
        this.store = store;
    }

    public Checkpoint save(long journalPosition, byte[] state) {
        Instant now = store.now();
        var key = new GeneratedKeyHolder();
        store.jdbc().sql("INSERT INTO engine_checkpoints (taken_at, journal_position, state) VALUES (:now, :position, :state)")
                .param("now", Times.toDb(now))
                .param("position", journalPosition)
                .param("state", state)
                .update(key, "snapshot_id");
        return new Checkpoint(key.getKeyAs(Number.class).longValue(), now, journalPosition, state.clone());
    }

    /** The newest snapshot by id, since ids grow with every save while the wall clock may step back. */
    public Optional<Checkpoint> latest() {
        return store.jdbc().sql("SELECT * FROM engine_checkpoints ORDER BY snapshot_id DESC LIMIT 1")
                .query((rs, row) -> new Checkpoint(rs.getLong("snapshot_id"), Times.fromDb(rs, "taken_at"),
                        rs.getLong("journal_position"), rs.getBytes("state")))
                .optional();
    }

    /** Deletes all but the {@code keep} newest snapshots; returns how many were deleted. */
    public int retainLatest(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("must keep at least 1 checkpoint, was asked to keep " + keep);
        }
        return store.jdbc().sql("""
                        DELETE FROM engine_checkpoints WHERE snapshot_id < (
                            SELECT MIN(snapshot_id) FROM (
                                SELECT snapshot_id FROM engine_checkpoints ORDER BY snapshot_id DESC LIMIT :keep
                            ) newest)""")
                .param("keep", keep)
                .update();
    }

    public long count() {
        return store.jdbc().sql("SELECT COUNT(*) FROM engine_checkpoints").query(Long.class).single();
    }
}
