package io.vigil.store.alerts;

import io.vigil.model.alert.Alert;
import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Classification;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.Evidence;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import io.vigil.model.alert.Severity;
import io.vigil.store.internal.Json;
import io.vigil.store.internal.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;

/** Reads an {@code alerts} row back into a {@link StoredAlert}. */
final class AlertRowMapper implements RowMapper<StoredAlert> {

    static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    static final TypeReference<List<MitreTechnique>> TECHNIQUES = new TypeReference<>() { };
    static final TypeReference<List<Entity>> ENTITIES = new TypeReference<>() { };
    static final TypeReference<Map<String, String>> PROPERTIES = new TypeReference<>() { };
    static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() { };

    private final Json json;
    private final boolean withEvidence;

    AlertRowMapper(Json json) {
        this(json, true);
    }

    /** @param withEvidence false leaves the evidence list empty, for callers that never look at it */
    AlertRowMapper(Json json, boolean withEvidence) {
        this.json = json;
        this.withEvidence = withEvidence;
    }

    @Override
    public StoredAlert mapRow(ResultSet rs, int rowNum) throws SQLException {
        Alert alert = new Alert(
                rs.getString("id"),
                rs.getString("type"),
                rs.getString("external_id"),
                rs.getString("alert_type_name"),
                rs.getString("name"),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("description"),
                json.read(rs.getString("remediation"), STRINGS),
                Times.fromDb(rs, "start_time"),
                Times.fromDb(rs, "end_time"),
                tactics(rs.getString("tactics")),
                json.read(rs.getString("techniques"), TECHNIQUES),
                rs.getString("compromised_entity"),
                json.read(rs.getString("entities"), ENTITIES),
                json.read(rs.getString("extended_properties"), PROPERTIES),
                withEvidence ? json.read(rs.getString("evidence"), EVIDENCE) : List.of(),
                rs.getLong("evidence_count"),
                AlertStatus.valueOf(rs.getString("status")),
                Classification.valueOf(rs.getString("classification")));
        return new StoredAlert(alert, rs.getString("assignee"), rs.getLong("version"),
                Times.fromDb(rs, "created_at"), Times.fromDb(rs, "updated_at"));
    }

    static String tacticsColumn(List<MitreTactic> tactics) {
        return String.join(",", tactics.stream().map(Enum::name).toList());
    }

    private static List<MitreTactic> tactics(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(column.split(",")).map(MitreTactic::valueOf).toList();
    }
}
