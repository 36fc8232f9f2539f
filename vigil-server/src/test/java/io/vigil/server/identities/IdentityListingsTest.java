package io.vigil.server.identities;

import static io.vigil.server.api.TestAlerts.T0;
import static io.vigil.server.api.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.model.alert.Severity;
import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.DirectoryObjectKind;
import io.vigil.model.directory.TaggedIdentity;
import io.vigil.server.directory.DirectoryInventory;
import io.vigil.server.directory.TestInventories;
import io.vigil.server.identities.IdentityQuery.Sort;
import io.vigil.server.internal.SettableClock;
import io.vigil.store.PageRequest;
import io.vigil.store.VigilDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The identity list's cache: the alert activity is read on the first request, then renewed (and the
 * listing built and sorted) in the background when stale; a new inventory state is listed at once.
 */
class IdentityListingsTest {

    private final SettableClock clock = new SettableClock(T0);
    private final VigilDatabase database = database();
    private final DirectoryInventory inventory = new DirectoryInventory();
    private final IdentityListings listings = new IdentityListings(database, inventory, clock);

    private static VigilDatabase database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:listings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        VigilDatabase.migrate(h2);
        return VigilDatabase.open(h2);
    }

    @AfterEach
    void stop() {
        listings.destroy();
    }

    private List<IdentityView> all() {
        return listings.current().page(new IdentityQuery(null, Set.of(), null, Set.of(), null, Set.of(), null,
                Sort.NAME), PageRequest.first(50)).items();
    }

    @Test
    void aStaleReadingIsServedWhileTheNextIsReadAndListedInTheBackground() {
        database.alerts().upsert(alert("a1", "brute-force", Severity.LOW, T0, "alice"));
        IdentityListing first = listings.current();
        assertThat(all()).singleElement().satisfies(a -> assertThat(a.key()).isEqualTo("account:contoso\\alice"));

        database.alerts().upsert(alert("b1", "brute-force", Severity.HIGH, T0, "bob"));
        clock.advance(IdentityListings.FRESH_FOR.minusSeconds(1));
        assertThat(listings.current()).as("still fresh: the same listing").isSameAs(first);

        clock.advance(Duration.ofSeconds(2));
        synchronized (listings) { // holds back the background renewal's listing, which is built under this lock
            assertThat(listings.current()).as("stale: answered at once from the last listing").isSameAs(first);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> all().size() == 2);
        assertThat(all()).extracting(IdentityView::name, IdentityView::risk)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", "low"),
                        org.assertj.core.groups.Tuple.tuple("bob", "high"));
        IdentityListing renewed = listings.current();
        assertThat(listings.current()).as("kept until stale again").isSameAs(renewed);
    }

    @Test
    void aNewInventoryStateIsListedAtOnceWithTheLastReading() {
        database.alerts().upsert(alert("c1", "kerberoasting", Severity.MEDIUM, T0, "carol"));
        assertThat(all()).singleElement().satisfies(c -> assertThat(c.inDirectory()).isFalse());
        IdentityListing beforeSync = listings.current();

        UUID carol = UUID.randomUUID();
        TestInventories.publish(inventory, TestInventories.of(List.of(user(carol, "carol", "S-1-5-21-1-5"),
                user(UUID.randomUUID(), "dave", "S-1-5-21-1-77"))));
        IdentityListing afterSync = listings.current();
        assertThat(afterSync).isNotSameAs(beforeSync);
        assertThat(all()).extracting(IdentityView::name).containsExactly("carol", "dave");
        assertThat(all().get(0)).satisfies(c -> {
            assertThat(c.id()).isEqualTo(carol.toString());
            assertThat(c.inDirectory()).isTrue();
            assertThat(c.alertCount()).as("carol's alert, resolved by SID to the directory identity").isEqualTo(1);
            assertThat(c.risk()).isEqualTo("medium");
        });
        assertThat(listings.current()).as("built once per inventory state").isSameAs(afterSync);
    }

    private static TaggedIdentity user(UUID guid, String sam, String sid) {
        return new TaggedIdentity(new DirectoryIdentity(DirectoryObjectKind.USER, "contoso.local",
                "CN=" + sam + ",CN=Users,DC=contoso,DC=local", sid, guid, sam, sam + "@contoso.local", sam, null,
                List.of(), 0, null, null, "S-1-5-21-1-513", List.of(), List.of(), T0, 1), Set.of());
    }
}
