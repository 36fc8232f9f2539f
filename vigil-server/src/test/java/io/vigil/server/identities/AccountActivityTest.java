package io.vigil.server.identities;

import static io.vigil.server.api.TestAlerts.T0;
import static io.vigil.server.api.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.model.alert.Severity;
import io.vigil.server.directory.DirectoryInventory;
import io.vigil.server.directory.InventoryIndex;
import io.vigil.store.VigilDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The identity list's alert activity: read once on the first request, then renewed in the background when stale. */
class AccountActivityTest {

    private Instant now = T0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final VigilDatabase database = database();
    private final AccountActivity activity = new AccountActivity(database, clock);
    private final InventoryIndex noDirectory = new DirectoryInventory().current();

    private static VigilDatabase database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:activity-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        VigilDatabase.migrate(h2);
        return VigilDatabase.open(h2);
    }

    @AfterEach
    void stop() {
        activity.destroy();
    }

    private long accounts() {
        return activity.of(noDirectory).notInDirectory().size();
    }

    @Test
    void aStaleReadingIsServedWhileTheNextIsReadInTheBackground() {
        database.alerts().upsert(alert("a1", "brute-force", Severity.LOW, T0, "alice"));
        assertThat(activity.of(noDirectory).notInDirectory()).singleElement()
                .satisfies(a -> assertThat(a.key()).isEqualTo("account:contoso\\alice"));

        database.alerts().upsert(alert("b1", "brute-force", Severity.HIGH, T0, "bob"));
        now = now.plus(AccountActivity.FRESH_FOR.minusSeconds(1));
        assertThat(accounts()).as("still fresh: the same reading").isEqualTo(1);

        now = now.plus(Duration.ofSeconds(2));
        assertThat(accounts()).as("stale: answered at once from the last reading").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> accounts() == 2);
        assertThat(activity.of(noDirectory).notInDirectory()).anySatisfy(a -> {
            assertThat(a.key()).isEqualTo("account:contoso\\bob");
            assertThat(a.openHighest()).isEqualTo(Severity.HIGH);
        });
    }
}
