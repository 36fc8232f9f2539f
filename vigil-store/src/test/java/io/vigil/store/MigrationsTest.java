package io.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.store.testing.DatabaseTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

class MigrationsTest {

    private static final Set<String> TABLES = Set.of("alerts", "alert_entities", "alert_comments", "incidents",
            "incident_alerts", "incident_entities", "audit_log", "users", "api_tokens", "detector_settings",
            "engine_checkpoints", "secrets", "pam_connections", "pam_accounts", "pam_resets", "siem_exporters",
            "siem_outbox", "siem_outbox_head", "siem_delivery_status", "directory_sources", "directory_sync_status",
            "directory_inventories", "directory_identities", "identity_marks");

    @DatabaseTest
    void migrationsApplyToAnEmptyDatabaseAndCreateEveryTable(DataSource dataSource, DatabaseKind kind) throws SQLException {
        assertThat(DatabaseKind.of(dataSource)).isEqualTo(kind);

        int applied = VigilDatabase.migrate(dataSource);

        assertThat(applied).isEqualTo(migrationFiles("common") + migrationFiles(kind.name().toLowerCase(Locale.ROOT)));
        assertThat(tables(dataSource)).containsAll(TABLES);
    }

    @DatabaseTest
    void migratingAgainChangesNothing(DataSource dataSource) throws SQLException {
        VigilDatabase.migrate(dataSource);
        Set<String> before = tables(dataSource);

        assertThat(VigilDatabase.migrate(dataSource)).isZero();
        assertThat(tables(dataSource)).isEqualTo(before);
    }

    /** The versioned migrations in a location of the test class path (the module's own classes). */
    private static long migrationFiles(String location) {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(
                MigrationsTest.class.getResource("/db/migration/" + location).toURI()))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> tables(DataSource dataSource) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
