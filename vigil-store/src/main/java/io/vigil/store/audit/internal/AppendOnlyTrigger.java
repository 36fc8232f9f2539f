package io.vigil.store.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's stand-in for the PostgreSQL trigger function that keeps {@code audit_log} append-only: H2
 * triggers are Java classes, named by the H2 migration V2.
 */
public final class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        String operation = newRow == null ? "DELETE" : "UPDATE";
        throw new SQLException("audit_log is append-only: " + operation + " is not allowed", "42501");
    }
}
