package io.vigil.store.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inserts a row, or updates some of its columns when a row with the same key exists. PostgreSQL does
 * it in one {@code INSERT … ON CONFLICT}; H2 has no such clause, so there it is an UPDATE followed by
 * an INSERT when nothing was updated.
 */
public final class Upsert {

    private final String table;
    private final List<String> keyColumns;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Set<String> jsonColumns = new LinkedHashSet<>();
    private final Set<String> columnsKeptOnUpdate = new LinkedHashSet<>();

    private Upsert(String table, List<String> keyColumns) {
        this.table = table;
        this.keyColumns = List.copyOf(keyColumns);
    }

    public static Upsert into(String table, String... keyColumns) {
        return new Upsert(table, List.of(keyColumns));
    }

    public Upsert value(String column, Object value) {
        values.put(column, value);
        return this;
    }

    public Upsert json(String column, String json) {
        jsonColumns.add(column);
        return value(column, json);
    }

    /** A column written on insert only: an existing row keeps its value. */
    public Upsert insertOnly(String column, Object value) {
        columnsKeptOnUpdate.add(column);
        return value(column, value);
    }

    public void execute(JdbcClient jdbc, Dialect dialect) {
        if (dialect.supportsInsertOnConflict()) {
            jdbc.sql(insertSql(dialect) + " ON CONFLICT (" + String.join(", ", keyColumns) + ") DO UPDATE SET "
                            + updatedColumns().stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", ")))
                    .params(values)
                    .update();
            return;
        }
        if (update(jdbc, dialect) > 0) {
            return;
        }
        try {
            jdbc.sql(insertSql(dialect)).params(values).update();
        } catch (DuplicateKeyException insertedConcurrently) {
            update(jdbc, dialect);
        }
    }

    private int update(JdbcClient jdbc, Dialect dialect) {
        String assignments = updatedColumns().stream()
                .map(c -> c + " = " + parameter(c, dialect))
                .collect(Collectors.joining(", "));
        String keyMatch = keyColumns.stream().map(c -> c + " = :" + c).collect(Collectors.joining(" AND "));
        return jdbc.sql("UPDATE " + table + " SET " + assignments + " WHERE " + keyMatch).params(values).update();
    }

    private String insertSql(Dialect dialect) {
        List<String> parameters = new ArrayList<>();
        values.keySet().forEach(c -> parameters.add(parameter(c, dialect)));
        return "INSERT INTO " + table + " (" + String.join(", ", values.keySet()) + ") VALUES ("
                + String.join(", ", parameters) + ")";
    }

    private List<String> updatedColumns() {
        return values.keySet().stream()
                .filter(c -> !keyColumns.contains(c) && !columnsKeptOnUpdate.contains(c))
                .toList();
    }

    private String parameter(String column, Dialect dialect) {
        return jsonColumns.contains(column) ? dialect.jsonParameter(column) : ":" + column;
    }
}
