package io.vigil.store.outbox;

import io.vigil.store.AlreadyExistsException;
import io.vigil.store.NotFoundException;
import io.vigil.store.StaleVersionException;
import io.vigil.store.internal.StoreContext;
import io.vigil.store.internal.Times;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;

/** The configured SIEM exporters (non-secret settings only). */
public final class SiemExporterRepository {

    private static final String EXPORTER = "SIEM exporter";
    private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() { };

    private final StoreContext store;
    private final RowMapper<StoredExporter> mapper;

    public SiemExporterRepository(StoreContext store) {
        this.store = store;
        this.mapper = (rs, row) -> new StoredExporter(rs.getString("id"), rs.getString("name"), rs.getString("kind"),
                rs.getBoolean("enabled"), store.json().read(rs.getString("settings"), SETTINGS),
                Times.fromDb(rs, "created_at"), Times.fromDb(rs, "updated_at"), rs.getString("updated_by"),
                rs.getLong("version"));
    }

    /**
     * Adds an exporter with its delivery cursor at the end of the outbox: it receives the alerts raised
     * or changed from now on.
     *
     * @throws AlreadyExistsException when the id is taken
     */
    public StoredExporter create(String id, String name, String kind, boolean enabled, Map<String, String> settings,
                                 String user) {
        Instant now = store.now();
        try {
            store.inTransaction(() -> {
                store.jdbc().sql("""
                                INSERT INTO siem_exporters (id, name, kind, enabled, settings, created_at, updated_at, updated_by)
                                VALUES (:id, :name, :kind, :enabled, :settings, :now, :now, :user)""")
                        .param("id", id).param("name", name).param("kind", kind).param("enabled", enabled)
                        .param("settings", store.json().write(settings)).param("now", Times.toDb(now)).param("user", user)
                        .update();
                store.jdbc().sql("""
                                INSERT INTO siem_delivery_status (exporter_id, delivered, failures, delivered_through)
                                SELECT :id, 0, 0, last_seq FROM siem_outbox_head WHERE id = 1""")
                        .param("id", id)
                        .update();
            });
        } catch (DuplicateKeyException e) {
            throw new AlreadyExistsException(EXPORTER + " " + id + " already exists", e);
        }
        return findById(id).orElseThrow();
    }

    /**
     * Replaces name, enabled and settings if the exporter is still at {@code expectedVersion}.
     *
     * @throws StaleVersionException when someone else changed it since
     * @throws NotFoundException     when there is no such exporter
     */
    public StoredExporter update(String id, long expectedVersion, String name, boolean enabled,
                                 Map<String, String> settings, String user) {
        return store.inTransaction(() -> {
            int updated = store.jdbc().sql("""
                            UPDATE siem_exporters SET name = :name, enabled = :enabled, settings = :settings,
                                   updated_at = :now, updated_by = :user, version = version + 1
                             WHERE id = :id AND version = :expected""")
                    .param("name", name).param("enabled", enabled).param("settings", store.json().write(settings))
                    .param("now", Times.toDb(store.now())).param("user", user).param("id", id)
                    .param("expected", expectedVersion)
                    .update();
            StoredExporter current = findById(id).orElseThrow(() -> new NotFoundException(EXPORTER, id));
            if (updated == 0) {
                throw new StaleVersionException(EXPORTER, id, expectedVersion, current.version());
            }
            return current;
        });
    }

    /** Removes the exporter with its cursor and delivery status; returns whether it existed. */
    public boolean delete(String id) {
        return store.jdbc().sql("DELETE FROM siem_exporters WHERE id = :id").param("id", id).update() > 0;
    }

    public Optional<StoredExporter> findById(String id) {
        return store.jdbc().sql("SELECT * FROM siem_exporters WHERE id = :id").param("id", id).query(mapper).optional();
    }

    public List<StoredExporter> list() {
        return store.jdbc().sql("SELECT * FROM siem_exporters ORDER BY created_at, id").query(mapper).list();
    }
}
