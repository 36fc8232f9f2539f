package io.vigil.store.directory;

import io.vigil.model.directory.SyncErrorKind;
import io.vigil.model.directory.SyncMode;
import io.vigil.model.directory.SyncOutcome;
import io.vigil.model.directory.SyncState;
import io.vigil.store.internal.StoreContext;
import io.vigil.store.internal.Times;
import io.vigil.store.internal.Upsert;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/** The last sync outcome of each mode per directory source. */
public final class DirectorySyncStatusRepository {

    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() { };

    private final StoreContext store;

    public DirectorySyncStatusRepository(StoreContext store) {
        this.store = store;
    }

    /** Keeps {@code outcome} as the source's last outcome of its mode. */
    public void record(long sourceId, SyncOutcome outcome) {
        Upsert.into("directory_sync_status", "source_id", "mode")
                .value("source_id", sourceId)
                .value("mode", outcome.mode().name())
                .value("state", outcome.state().name())
                .value("server", outcome.server())
                .value("started_at", Times.toDb(Times.storable(outcome.started())))
                .value("finished_at", Times.toDb(Times.storable(outcome.finished())))
                .value("identities", outcome.identities())
                .value("changed", outcome.changed())
                .value("removed", outcome.removed())
                .value("highest_usn", outcome.highestUsn())
                .value("error_kind", outcome.errorKind() == null ? null : outcome.errorKind().name())
                .value("error", outcome.error())
                .json("notes", store.json().write(outcome.notes(), TEXTS))
                .execute(store.jdbc(), store.dialect());
    }

    /** The source's last outcomes, most recently finished first. */
    public List<SyncOutcome> lastOutcomes(long sourceId) {
        return store.jdbc().sql("""
                        SELECT s.*, d.domain FROM directory_sync_status s
                        JOIN directory_sources d ON d.id = s.source_id
                        WHERE s.source_id = :id ORDER BY s.finished_at DESC, s.mode""")
                .param("id", sourceId)
                .query((rs, row) -> new SyncOutcome(rs.getString("domain"), SyncMode.valueOf(rs.getString("mode")),
                        SyncState.valueOf(rs.getString("state")), rs.getString("server"),
                        Times.fromDb(rs, "started_at"), Times.fromDb(rs, "finished_at"), rs.getInt("identities"),
                        rs.getInt("changed"), rs.getInt("removed"), rs.getLong("highest_usn"),
                        rs.getString("error_kind") == null ? null : SyncErrorKind.valueOf(rs.getString("error_kind")),
                        rs.getString("error"), store.json().read(rs.getString("notes"), TEXTS)))
                .list();
    }
}
