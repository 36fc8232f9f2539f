package io.vigil.server.identities;

import static io.vigil.server.api.ApiTestServer.READER;
import static io.vigil.server.api.TestAlerts.T0;
import static io.vigil.server.api.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.alert.Severity;
import io.vigil.server.api.ApiTestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/identities}: accounts as the alerts know them, counted, most recently seen first. */
class IdentityApiTest {

    @TempDir
    static Path dataDir;

    static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start(dataDir);
        server.database().alerts().upsert(alert("a1", "brute-force", Severity.LOW, T0, "alice"));
        server.database().alerts().upsert(alert("a2", "kerberoasting", Severity.HIGH, T0.plus(Duration.ofHours(1)), "alice"));
        server.database().alerts().upsert(alert("b1", "brute-force", Severity.MEDIUM, T0.plus(Duration.ofHours(2)), "bob"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void eachAccountOnceWithItsCountsNewestFirst() {
        JsonNode page = server.get(READER, "/api/v1/identities").json();
        assertThat(page.path("total").asInt()).isEqualTo(2);
        JsonNode bob = page.path("items").get(0);
        JsonNode alice = page.path("items").get(1);
        assertThat(bob.path("name").asString()).isEqualTo("bob");
        assertThat(alice.path("key").asString()).isEqualTo("account:contoso\\alice");
        assertThat(alice.path("domain").asString()).isEqualTo("CONTOSO");
        assertThat(alice.path("sid").asString()).startsWith("S-1-5-21-");
        assertThat(alice.path("alertCount").asInt()).isEqualTo(2);
        assertThat(alice.path("highestSeverity").asString()).isEqualTo("high");
        assertThat(alice.path("lastSeen").asString()).isEqualTo("2026-03-02T10:05:00Z");
    }

    @Test
    void theNameFilterAndPagingApply() {
        JsonNode alice = server.get(READER, "/api/v1/identities?name=ALI").json();
        assertThat(alice.path("total").asInt()).isEqualTo(1);
        assertThat(alice.path("items").get(0).path("name").asString()).isEqualTo("alice");
        JsonNode second = server.get(READER, "/api/v1/identities?limit=1&offset=1").json();
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("items").get(0).path("name").asString()).isEqualTo("alice");
        assertThat(second.path("nextOffset").isNull()).isTrue();
    }
}
