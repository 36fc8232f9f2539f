package io.vigil.store.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** A database of its own for one test, pooled like the server pools it, removed when the test ends. */
final class TestDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Runnable remove;

    TestDatabase(String jdbcUrl, String user, Runnable remove) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        this.dataSource = new HikariDataSource(config);
        this.remove = remove;
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
        remove.run();
    }
}
