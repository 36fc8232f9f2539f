package io.vigil.store.incidents;

import io.vigil.model.alert.Classification;
import io.vigil.model.alert.Severity;
import io.vigil.model.incident.Incident;
import io.vigil.model.incident.IncidentStatus;
import io.vigil.store.internal.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

/** Reads a row of {@link IncidentRowMapper#SELECT} back into an {@link Incident}. */
final class IncidentRowMapper implements RowMapper<Incident> {

    static final String SELECT =
            "i.*, (SELECT COUNT(*) FROM incident_alerts ia WHERE ia.incident_id = i.id) AS alert_count";

    @Override
    public Incident mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new Incident(
                rs.getString("id"),
                rs.getString("title"),
                Severity.valueOf(rs.getString("severity")),
                IncidentStatus.valueOf(rs.getString("status")),
                Classification.valueOf(rs.getString("classification")),
                rs.getString("assignee"),
                Times.fromDb(rs, "first_activity"),
                Times.fromDb(rs, "last_activity"),
                rs.getInt("alert_count"),
                Times.fromDb(rs, "created_at"),
                Times.fromDb(rs, "updated_at"),
                rs.getLong("version"));
    }
}
