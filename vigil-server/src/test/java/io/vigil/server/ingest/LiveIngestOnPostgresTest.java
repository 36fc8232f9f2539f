package io.vigil.server.ingest;

import io.vigil.server.config.ServerSetting;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Live ingest on a real PostgreSQL server (embedded binaries, started for this test). */
class LiveIngestOnPostgresTest extends LiveIngestTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startOnPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
        start(Map.of(ServerSetting.DB, "postgres",
                ServerSetting.DB_URL, postgres.getJdbcUrl("postgres", "postgres"),
                ServerSetting.DB_USERNAME, "postgres"));
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        stop();
        if (postgres != null) {
            postgres.close();
        }
    }
}
