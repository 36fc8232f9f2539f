package io.vigil.store.testing;

import io.vigil.store.DatabaseKind;
import io.vigil.store.VigilDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Makes fresh test databases of one kind: empty, or already migrated. */
interface DatabaseEngine {

    DatabaseKind kind();

    TestDatabase create(boolean migrated, ExtensionContext.Store runWide);

    static DatabaseEngine of(DatabaseKind kind) {
        return kind == DatabaseKind.H2 ? new H2() : new Postgres();
    }

    final class H2 implements DatabaseEngine {

        @Override
        public DatabaseKind kind() {
            return DatabaseKind.H2;
        }

        @Override
        public TestDatabase create(boolean migrated, ExtensionContext.Store runWide) {
            String url = "jdbc:h2:mem:vigil-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            TestDatabase database = new TestDatabase(url, "sa", () -> shutdown(url));
            if (migrated) {
                VigilDatabase.migrate(database.dataSource());
            }
            return database;
        }

        private static void shutdown(String url) {
            try (Connection connection = java.sql.DriverManager.getConnection(url, "sa", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot shut down " + url, e);
            }
        }
    }

    final class Postgres implements DatabaseEngine {

        private static final String TEMPLATE = "vigil_migrated_template";

        @Override
        public DatabaseKind kind() {
            return DatabaseKind.POSTGRESQL;
        }

        @Override
        public TestDatabase create(boolean migrated, ExtensionContext.Store runWide) {
            EmbeddedPostgresServer server = runWide.computeIfAbsent(EmbeddedPostgresServer.class,
                    key -> EmbeddedPostgresServer.start(), EmbeddedPostgresServer.class);
            String url = server.createDatabase(migrated ? migratedTemplate(server, runWide) : null);
            return new TestDatabase(url, "postgres", () -> server.dropDatabase(url));
        }

        // Migrating once and copying the result per test is several times faster than migrating per test.
        private static String migratedTemplate(EmbeddedPostgresServer server, ExtensionContext.Store runWide) {
            Supplier<String> migrate = () -> {
                try (TestDatabase template = new TestDatabase(server.createDatabaseNamed(TEMPLATE), "postgres", () -> { })) {
                    VigilDatabase.migrate(template.dataSource());
                }
                return TEMPLATE;
            };
            return runWide.computeIfAbsent(TEMPLATE, key -> migrate.get(), String.class);
        }
    }
}
