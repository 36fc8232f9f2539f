package io.vigil.store.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What every repository shares: the client, the dialect, the JSON codec, the clock and transactions. */
public final class StoreContext {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final Dialect dialect;
    private final Json json = new Json();
    private final Clock clock;
    private final TransactionTemplate transactions;

    public StoreContext(DataSource dataSource, Dialect dialect, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batches = new NamedParameterJdbcTemplate(dataSource);
        this.dialect = dialect;
        this.clock = clock;
        // JdbcClient takes its connection from the same transaction synchronisation, so statements run
        // inside inTransaction share one connection; an outer Spring transaction on this DataSource is joined.
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** For batch writes, which JdbcClient does not do; it joins the same transactions. */
    public NamedParameterJdbcTemplate batches() {
        return batches;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Json json() {
        return json;
    }

    public Instant now() {
        return Times.storable(clock.instant());
    }

    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    public void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }
}
