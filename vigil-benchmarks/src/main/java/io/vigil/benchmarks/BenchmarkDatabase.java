package io.vigil.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The database under test behind a HikariCP pool, as the server has it: an H2 file database as
 * {@code start-dev} keeps it, or PostgreSQL (zonky's embedded server, default settings); and whatever
 * has to stop with it.
 */
record BenchmarkDatabase(HikariDataSource dataSource, AutoCloseable server, Path dataFolder) implements AutoCloseable {

    static BenchmarkDatabase open(String kind, Path folder) throws IOException {
        HikariConfig pool = new HikariConfig();
        EmbeddedPostgres postgres = null;
        switch (kind) {
            case "h2" -> {
                pool.setJdbcUrl("jdbc:h2:file:" + folder.resolve("vigil").toAbsolutePath() + ";AUTO_SERVER=FALSE");
                pool.setUsername("vigil");
            }
            case "postgres" -> {
                postgres = EmbeddedPostgres.builder().setDataDirectory(folder.resolve("pg")).setCleanDataDirectory(true)
                        .start();
                pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
                pool.setUsername("postgres");
            }
            default -> throw new IllegalArgumentException("database is h2 or postgres, not " + kind);
        }
        return new BenchmarkDatabase(new HikariDataSource(pool), postgres, folder.resolve("pg"));
    }

    /**
     * CPU time so far of the PostgreSQL server's processes (the postmaster named in its pid file and
     * everything it started that is still running: the pool's backends among them); 0 for H2, which
     * runs in this process.
     */
    long serverCpuNanos() throws IOException {
        if (!(server instanceof EmbeddedPostgres)) {
            return 0;
        }
        long postmaster = Long.parseLong(Files.readAllLines(dataFolder.resolve("postmaster.pid")).get(0).trim());
        return ProcessHandle.of(postmaster).stream().flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    @Override
    public void close() throws Exception {
        dataSource.close();
        if (server != null) {
            server.close();
        }
    }
}
