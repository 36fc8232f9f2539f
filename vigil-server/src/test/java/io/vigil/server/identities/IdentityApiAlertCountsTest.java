package io.vigil.server.identities;

import static io.vigil.server.api.ApiTestServer.READER;
import static io.vigil.server.api.TestAlerts.T0;
import static io.vigil.server.api.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Severity;
import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.DirectoryObjectKind;
import io.vigil.model.directory.TaggedIdentity;
import io.vigil.server.api.ApiTestServer;
import io.vigil.server.directory.DirectoryInventory;
import io.vigil.server.directory.TestInventories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/identities} over more alerts than the store hands over in one fetch (and than the
 * 500-alert pages it once read them in): each alert counted exactly once for the account it names.
 */
class IdentityApiAlertCountsTest {

    private static final List<String> ACCOUNTS = List.of("bob", "dave", "alice", "mallory");
    private static final int ALERTS = 1_201;
    private static final UUID ALICE = UUID.fromString("a11ce000-0000-0000-0000-000000000001");

    @TempDir
    static Path dataDir;

    static ApiTestServer server;
    static final List<Alert> seeded = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = ApiTestServer.start(dataDir);
        // alice is in the directory under the SID her alerts give (TestAlerts: S-1-5-21-1-<name length>)
        TestInventories.publish(server.bean(DirectoryInventory.class), TestInventories.of(List.of(new TaggedIdentity(
                new DirectoryIdentity(DirectoryObjectKind.USER, "contoso.local", "CN=alice,CN=Users,DC=contoso,DC=local",
                        "S-1-5-21-1-5", ALICE, "alice", "alice@contoso.local", "Alice", null, List.of(), 0, null, null,
                        "S-1-5-21-1-513", List.of(), List.of(), T0, 1), Set.of()))));
        for (int i = 0; i < ALERTS; i++) {
            Severity severity = Severity.values()[(i / ACCOUNTS.size()) % Severity.values().length];
            seeded.add(alert("a-" + i, "brute-force", severity, T0.plus(Duration.ofMinutes(i)), ACCOUNTS.get(i % ACCOUNTS.size())));
        }
        server.database().inTransaction(() -> seeded.forEach(server.database().alerts()::save));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyAlertIsCountedOnceForTheAccountItNames() {
        JsonNode page = server.get(READER, "/api/v1/identities?limit=10").json();

        assertThat(page.path("total").asInt()).isEqualTo(ACCOUNTS.size());
        // alert i names account i % 4 and ends i minutes after the first: the last, a-1200, names bob
        assertThat(page.path("items").valueStream().map(i -> i.path("name").asString()))
                .containsExactly("bob", "mallory", "alice", "dave");
        for (JsonNode identity : page.path("items")) {
            List<Alert> its = seeded.stream()
                    .filter(a -> a.entities().get(0).label().equals("CONTOSO\\" + identity.path("name").asString())).toList();
            assertThat(identity.path("alertCount").asInt()).isEqualTo(its.size());
            assertThat(identity.path("lastSeen").asString())
                    .isEqualTo(its.stream().map(Alert::endTime).max(Comparator.naturalOrder()).orElseThrow().toString());
            assertThat(identity.path("highestSeverity").asString()).isEqualTo("high");
            assertThat(identity.path("inDirectory").asBoolean()).isEqualTo(identity.path("name").asString().equals("alice"));
        }
        assertThat(page.path("items").valueStream().mapToInt(i -> i.path("alertCount").asInt()).sum()).isEqualTo(ALERTS);
    }

    @Test
    void anIdentitysPageListsEachOfItsAlertsOnce() {
        JsonNode alice = server.get(READER, "/api/v1/identities/" + ALICE).json();

        List<String> expected = seeded.stream().filter(a -> a.entities().get(0).label().equals("CONTOSO\\alice"))
                .sorted(Comparator.comparing(Alert::startTime).reversed()).map(Alert::id).toList();
        assertThat(alice.path("identity").path("alertCount").asInt()).isEqualTo(expected.size());
        assertThat(alice.path("alerts").valueStream().map(a -> a.path("id").asString())).containsExactlyElementsOf(expected);
    }
}
