package io.vigil.store.internal;

import io.vigil.store.DatabaseKind;

/** The few places where H2 and PostgreSQL need different SQL. */
public final class Dialect {

    private final DatabaseKind kind;

    public Dialect(DatabaseKind kind) {
        this.kind = kind;
    }

    public DatabaseKind kind() {
        return kind;
    }

    /** A named parameter bound as text into a JSON column. */
    public String jsonParameter(String name) {
        return kind == DatabaseKind.POSTGRESQL ? "CAST(:" + name + " AS JSONB)" : ":" + name;
    }

    public boolean supportsInsertOnConflict() {
        return kind == DatabaseKind.POSTGRESQL;
    }
}
