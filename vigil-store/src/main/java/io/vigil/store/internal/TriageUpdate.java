package io.vigil.store.internal;

import io.vigil.store.NotFoundException;
import io.vigil.store.StaleVersionException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The analyst's triage (status, classification, assignee) written under optimistic locking, the same
 * way for alerts and incidents: the update only applies at the expected version, and a lost race is
 * reported with the version that won.
 */
public final class TriageUpdate {

    private TriageUpdate() {
    }

    /**
     * @param table  {@code alerts} or {@code incidents} (a constant, never user input)
     * @param kind   the entity's name for messages
     * @param reload reads the row back after the update
     * @param version the version of what was read back
     */
    public static <T> T apply(StoreContext store, String table, String kind, String id, long expectedVersion,
            String status, String classification, String assignee, Function<String, Optional<T>> reload,
            ToLongFunction<T> version) {
        int updated = store.jdbc().sql("UPDATE " + table + " " + """
                         SET status = :status, classification = :classification, assignee = :assignee,
                               version = version + 1, updated_at = :now
                         WHERE id = :id AND version = :expected_version""")
                .param("status", status)
                .param("classification", classification)
                .param("assignee", assignee)
                .param("now", Times.toDb(store.now()))
                .param("id", id)
                .param("expected_version", expectedVersion)
                .update();
        T current = reload.apply(id).orElseThrow(() -> new NotFoundException(kind, id));
        if (updated == 0) {
            throw new StaleVersionException(kind, id, expectedVersion, version.applyAsLong(current));
        }
        return current;
    }
}
