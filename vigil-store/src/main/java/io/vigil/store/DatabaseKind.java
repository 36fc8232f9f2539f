package io.vigil.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/** The databases Vigil runs on: H2 for {@code vigil start-dev} and tests, PostgreSQL in production. */
public enum DatabaseKind {
    // row_text_type: long text read often, kept in the row. H2 stores every CLOB over 256 bytes apart
    // and reads it through a stream of its own (~17 us a value); its CHARACTER VARYING holds up to 10^9
    // characters in the row. PostgreSQL's TEXT is that already.
    H2("h2", Map.of(
            "json_type", "CHARACTER LARGE OBJECT",
            "text_type", "CHARACTER LARGE OBJECT",
            "row_text_type", "CHARACTER VARYING",
            "binary_type", "BINARY LARGE OBJECT")),
    POSTGRESQL("postgresql", Map.of(
            "json_type", "JSONB",
            "text_type", "TEXT",
            "row_text_type", "TEXT",
            "binary_type", "BYTEA"));

    private final String migrationFolder;
    private final Map<String, String> columnTypes;

    DatabaseKind(String migrationFolder, Map<String, String> columnTypes) {
        this.migrationFolder = migrationFolder;
        this.columnTypes = columnTypes;
    }

    /** Detects the database from the connection metadata. */
    public static DatabaseKind of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return ofProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new StoreException("cannot connect to the database to detect its kind: " + e.getMessage(), e);
        }
    }

    static DatabaseKind ofProductName(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return H2;
        }
        if (name.equals("postgresql")) {
            return POSTGRESQL;
        }
        throw new StoreException("unsupported database '" + productName + "': Vigil runs on H2 or PostgreSQL");
    }

    /** The Flyway location holding this database's own migrations, beside {@code db/migration/common}. */
    public String migrationLocation() {
        return "classpath:db/migration/" + migrationFolder;
    }

    /** Values for the column-type placeholders of the common migrations. */
    public Map<String, String> columnTypePlaceholders() {
        return columnTypes;
    }
}
