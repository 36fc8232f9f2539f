package io.vigil.store.settings;

import io.vigil.store.internal.StoreContext;
import io.vigil.store.internal.Times;
import io.vigil.store.internal.Upsert;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;

/** Per-detector settings overriding the detectors' defaults; values are text the detector's config parses. */
public final class DetectorSettingsRepository {

    private static final RowMapper<DetectorSetting> MAPPER = (rs, row) -> new DetectorSetting(
            rs.getString("detector_id"),
            rs.getString("setting_name"),
            rs.getString("setting_value"),
            rs.getString("updated_by"),
            Times.fromDb(rs, "updated_at"));

    private final StoreContext store;

    public DetectorSettingsRepository(StoreContext store) {
        this.store = store;
    }

    /** Sets or replaces the value. */
    public DetectorSetting put(String detectorId, String name, String value, String updatedBy) {
        Upsert.into("detector_settings", "detector_id", "setting_name")
                .value("detector_id", detectorId)
                .value("setting_name", name)
                .value("setting_value", value)
                .value("updated_by", updatedBy)
                .value("updated_at", Times.toDb(store.now()))
                .execute(store.jdbc(), store.dialect());
        return find(detectorId, name).orElseThrow();
    }

    public Optional<DetectorSetting> find(String detectorId, String name) {
        return store.jdbc().sql("SELECT * FROM detector_settings WHERE detector_id = :detector_id AND setting_name = :name")
                .param("detector_id", detectorId)
                .param("name", name)
                .query(MAPPER)
                .optional();
    }

    /** The detector's settings as name → value, sorted by name. */
    public Map<String, String> valuesOf(String detectorId) {
        Map<String, String> values = new LinkedHashMap<>();
        forDetector(detectorId).forEach(setting -> values.put(setting.name(), setting.value()));
        return values;
    }

    public List<DetectorSetting> forDetector(String detectorId) {
        return store.jdbc().sql("SELECT * FROM detector_settings WHERE detector_id = :detector_id ORDER BY setting_name")
                .param("detector_id", detectorId)
                .query(MAPPER)
                .list();
    }

    public List<DetectorSetting> all() {
        return store.jdbc().sql("SELECT * FROM detector_settings ORDER BY detector_id, setting_name").query(MAPPER).list();
    }

    /** Back to the detector's default; returns whether there was a value. */
    public boolean remove(String detectorId, String name) {
        return store.jdbc().sql("DELETE FROM detector_settings WHERE detector_id = :detector_id AND setting_name = :name")
                .param("detector_id", detectorId)
                .param("name", name)
                .update() > 0;
    }
}
