package io.vigil.store.incidents;

import static io.vigil.store.testing.TestAlerts.T0;
import static io.vigil.store.testing.TestAlerts.account;
import static io.vigil.store.testing.TestAlerts.alert;
import static io.vigil.store.testing.TestAlerts.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.model.alert.Classification;
import io.vigil.model.alert.Severity;
import io.vigil.model.incident.Incident;
import io.vigil.model.incident.IncidentStatus;
import io.vigil.model.incident.TimelineEntry;
import io.vigil.store.AlreadyExistsException;
import io.vigil.store.PageRequest;
import io.vigil.store.StaleVersionException;
import io.vigil.store.VigilDatabase;
import io.vigil.store.testing.DatabaseTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;

class IncidentRepositoryTest {

    private static final Duration WINDOW = Duration.ofHours(1);

    @DatabaseTest
    void entityKeysFindTheIncidentsInvolvingExactlyThoseEntities(VigilDatabase db) {
        db.alerts().upsert(alert("a-1", Severity.LOW, T0, account("alice")));
        db.alerts().upsert(alert("a-2", Severity.LOW, T0, account("alice2")));
        Incident alice = db.incidents().group("a-1", WINDOW);
        db.incidents().group("a-2", WINDOW);

        assertThat(db.incidents().find(IncidentFilter.any().withEntityKeys(List.of("account:contoso\\alice")),
                PageRequest.firstPage()).items()).extracting(Incident::id).containsExactly(alice.id());
        assertThat(db.incidents().find(IncidentFilter.any().withEntityText("alice"), PageRequest.firstPage()).total())
                .isEqualTo(2);
    }

    @DatabaseTest
    void countsOpenIncidentsBySeverity(VigilDatabase db) {
        db.alerts().upsert(alert("a-1", Severity.HIGH, T0, account("alice")));
        db.alerts().upsert(alert("b-1", Severity.HIGH, T0, account("bob")));
        db.alerts().upsert(alert("c-1", Severity.LOW, T0, account("carol")));
        db.incidents().group("a-1", WINDOW);
        db.incidents().group("c-1", WINDOW);
        Incident closed = db.incidents().group("b-1", WINDOW);
        db.incidents().updateTriage(closed.id(), closed.version(),
                new IncidentTriage(IncidentStatus.CLOSED, Classification.FALSE_POSITIVE, null));

        assertThat(db.incidents().countOpenBySeverity())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(Severity.HIGH, 1L, Severity.LOW, 1L));
    }

    @DatabaseTest
    void alertsSharingAnEntityWithinTheWindowJoinOneIncident(VigilDatabase db) {
        db.alerts().upsert(alert("a-1", Severity.LOW, T0, account("alice"), host("ws01")));
        db.alerts().upsert(alert("a-2", Severity.HIGH, T0.plus(Duration.ofMinutes(30)), host("WS01.contoso.local")));
        db.alerts().upsert(alert("a-3", Severity.MEDIUM, T0.plus(Duration.ofMinutes(40)), account("bob")));

        Incident first = db.incidents().group("a-1", WINDOW);
        Incident second = db.incidents().group("a-2", WINDOW);
        Incident unrelated = db.incidents().group("a-3", WINDOW);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(unrelated.id()).isNotEqualTo(first.id());
        assertThat(second.severity()).isEqualTo(Severity.HIGH);
        assertThat(second.alertCount()).isEqualTo(2);
        assertThat(second.firstActivity()).isEqualTo(T0);
        assertThat(second.lastActivity()).isEqualTo(T0.plus(Duration.ofMinutes(31)));
        assertThat(db.incidents().alertIds(first.id())).containsExactly("a-1", "a-2");
        assertThat(db.incidents().entityKeys(first.id())).containsExactly("account:contoso\\alice", "host:ws01");
        assertThat(first.title()).isEqualTo("Suspected Kerberoasting involving CONTOSO\\alice");
    }

    @DatabaseTest
    void anAlertOutsideTheWindowOrAfterClosingStartsANewIncident(VigilDatabase db) {
        db.alerts().upsert(alert("a-1", Severity.LOW, T0, account("alice")));
        db.alerts().upsert(alert("late", Severity.LOW, T0.plus(Duration.ofHours(3)), account("alice")));
        Incident first = db.incidents().group("a-1", WINDOW);

        assertThat(db.incidents().group("late", WINDOW).id()).isNotEqualTo(first.id());

        db.alerts().upsert(alert("a-2", Severity.LOW, T0.plusSeconds(5), account("alice")));
        db.incidents().updateTriage(first.id(), first.version(),
                new IncidentTriage(IncidentStatus.CLOSED, Classification.BENIGN_TRUE_POSITIVE, "bob"));
        assertThat(db.incidents().group("a-2", WINDOW).id()).isNotEqualTo(first.id());
    }

    @DatabaseTest
    void findsTheOpenIncidentSharingAnEntityKey(VigilDatabase db) {
        db.alerts().upsert(alert("a-1", Severity.LOW, T0, account("alice")));
        Incident incident = db.incidents().group("a-1", WINDOW);

        assertThat(db.incidents().findOpenSharingEntity(Set.of("account:contoso\\alice", "ip:1.2.3.4"),
                T0.minus(WINDOW), T0.plus(WINDOW))).map(Incident::id).contains(incident.id());
        assertThat(db.incidents().findOpenSharingEntity(Set.of("account:contoso\\bob"), T0.minus(WINDOW), T0.plus(WINDOW)))
                .isEmpty();
        assertThat(db.incidents().findOpenSharingEntity(Set.of("account:contoso\\alice"),
                T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(3)))).isEmpty();
        assertThat(db.incidents().findOpenSharingEntity(Set.of(), T0, T0)).isEmpty();
    }

    @DatabaseTest
    void groupingAgainIsIdempotentAndRefreshesTheIncident(VigilDatabase db) {
        db.alerts().upsert(alert("a-1", Severity.LOW, T0, account("alice")));
        Incident incident = db.incidents().group("a-1", WINDOW);

        db.alerts().upsert(alert("a-1", Severity.HIGH, T0, account("alice"), host("dc01")));
        Incident again = db.incidents().group("a-1", WINDOW);

        assertThat(again.id()).isEqualTo(incident.id());
        assertThat(again.alertCount()).isEqualTo(1);
        assertThat(again.severity()).isEqualTo(Severity.HIGH);
        assertThat(db.incidents().entityKeys(incident.id())).contains("host:dc01");
        assertThat(db.incidents().findByAlert("a-1")).map(Incident::id).contains(incident.id());
    }

    @DatabaseTest
    void placingIsGroupingThatAnswersWithTheIncidentsIdOnly(VigilDatabase db) {
        db.alerts().upsert(alert("a-1", Severity.LOW, T0, account("alice")));
        db.alerts().upsert(alert("a-2", Severity.HIGH, T0.plusSeconds(20), account("alice")));
        db.alerts().upsert(alert("b-1", Severity.LOW, T0, account("bob")));

        String alice = db.incidents().place("a-1", WINDOW);
        assertThat(db.incidents().place("a-2", WINDOW)).isEqualTo(alice);
        assertThat(db.incidents().place("a-2", WINDOW)).as("again, idempotent").isEqualTo(alice);
        assertThat(db.incidents().place("b-1", WINDOW)).isNotEqualTo(alice);

        Incident incident = db.incidents().findByAlert("a-2").orElseThrow();
        assertThat(incident.id()).isEqualTo(alice);
        assertThat(incident.alertCount()).isEqualTo(2);
        assertThat(incident.severity()).isEqualTo(Severity.HIGH);
        assertThat(db.incidents().group("a-1", WINDOW).id()).isEqualTo(alice);
    }

    @DatabaseTest
    void aNewAlertWidensTheIncidentAndNeverNarrowsIt(VigilDatabase db) {
        db.alerts().upsert(alert("a-1", Severity.HIGH, T0, account("alice")));
        db.alerts().upsert(alert("a-2", Severity.LOW, T0.plusSeconds(20), account("alice")));
        db.alerts().upsert(alert("a-3", Severity.MEDIUM, T0.minusSeconds(30), account("alice")));
        Incident incident = db.incidents().group("a-1", WINDOW);

        Incident lowerAndLater = db.incidents().group("a-2", WINDOW);
        assertThat(lowerAndLater.id()).isEqualTo(incident.id());
        assertThat(lowerAndLater.severity()).isEqualTo(Severity.HIGH);
        assertThat(lowerAndLater.firstActivity()).isEqualTo(T0);
        assertThat(lowerAndLater.lastActivity()).isEqualTo(T0.plusSeconds(80));

        Incident earlier = db.incidents().group("a-3", WINDOW);
        assertThat(earlier.severity()).isEqualTo(Severity.HIGH);
        assertThat(earlier.firstActivity()).isEqualTo(T0.minusSeconds(30));
        assertThat(earlier.lastActivity()).isEqualTo(T0.plusSeconds(80));
        assertThat(earlier.alertCount()).isEqualTo(3);
    }

    @DatabaseTest
    void groupingAnAlertAgainAfterItChangedRecomputesTheIncidentFromAllItsAlerts(VigilDatabase db) {
        db.alerts().upsert(alert("a-1", Severity.HIGH, T0, account("alice")));
        db.alerts().upsert(alert("a-2", Severity.LOW, T0.plusSeconds(600), account("alice")));
        Incident incident = db.incidents().group("a-1", WINDOW);
        db.incidents().group("a-2", WINDOW);

        db.alerts().upsert(alert("a-1", Severity.LOW, T0.plusSeconds(300), account("alice")));
        Incident again = db.incidents().group("a-1", WINDOW);

        assertThat(again.id()).isEqualTo(incident.id());
        assertThat(again.severity()).isEqualTo(Severity.LOW);
        assertThat(again.firstActivity()).isEqualTo(T0.plusSeconds(300));
        assertThat(again.lastActivity()).isEqualTo(T0.plusSeconds(660));
    }

    @DatabaseTest
    void theFirstAlertOfAnEmptyIncidentSetsItsSummary(VigilDatabase db) {
        db.alerts().upsert(alert("a-1", Severity.LOW, T0, account("alice")));
        Incident manual = db.incidents().create("manual", Severity.HIGH, T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)));

        Incident attached = db.incidents().attach(manual.id(), "a-1");

        assertThat(attached.severity()).isEqualTo(Severity.LOW);
        assertThat(attached.firstActivity()).isEqualTo(T0);
        assertThat(attached.lastActivity()).isEqualTo(T0.plusSeconds(60));
    }

    @DatabaseTest
    void theMostRecentlyActiveOpenIncidentSharingAnyOfTheKeysIsFound(VigilDatabase db) {
        db.alerts().upsert(alert("a-1", Severity.LOW, T0, account("alice")));
        db.alerts().upsert(alert("b-1", Severity.LOW, T0.plusSeconds(600), host("ws01")));
        db.alerts().upsert(alert("c-1", Severity.LOW, T0.plusSeconds(1200), host("ws02")));
        Incident alice = db.incidents().group("a-1", WINDOW);
        Incident ws01 = db.incidents().group("b-1", WINDOW);
        Incident ws02 = db.incidents().group("c-1", WINDOW);
        db.incidents().updateTriage(ws02.id(), ws02.version(),
                new IncidentTriage(IncidentStatus.CLOSED, Classification.FALSE_POSITIVE, null));
        Set<String> keys = Set.of("account:contoso\\alice", "host:ws01", "host:ws02");

        assertThat(db.incidents().findOpenSharingEntity(keys, T0.minus(WINDOW), T0.plus(WINDOW)))
                .map(Incident::id).contains(ws01.id());
        assertThat(db.incidents().findOpenSharingEntity(keys, T0.minus(WINDOW), T0.plusSeconds(300)))
                .map(Incident::id).contains(alice.id());
        assertThat(db.incidents().findOpenSharingEntity(keys, T0.plusSeconds(700), T0.plus(WINDOW))).isEmpty();
    }

    @DatabaseTest
    void anAlertBelongsToOneIncidentOnly(VigilDatabase db) {
        db.alerts().upsert(alert("a-1", Severity.LOW, T0, account("alice")));
        db.incidents().group("a-1", WINDOW);
        Incident other = db.incidents().create("manual", Severity.LOW, T0, T0);

        assertThatThrownBy(() -> db.incidents().attach(other.id(), "a-1"))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining("already belongs to incident");
    }

    @DatabaseTest
    void timelineOrdersAlertsAndTheirEvidenceByTime(VigilDatabase db) {
        db.alerts().upsert(alert("a-1", Severity.LOW, T0, account("alice")));
        db.alerts().upsert(alert("a-2", Severity.HIGH, T0.plusSeconds(5), account("alice")));
        Incident incident = db.incidents().group("a-1", WINDOW);
        db.incidents().group("a-2", WINDOW);

        List<TimelineEntry> timeline = db.incidents().timeline(incident.id());

        assertThat(timeline).extracting(TimelineEntry::time).isSorted();
        assertThat(timeline).extracting(e -> e.kind() + " " + e.alertId() + " " + e.time().getEpochSecond() % 60)
                .containsExactly("ALERT a-1 0", "EVIDENCE a-1 0", "ALERT a-2 5", "EVIDENCE a-2 5",
                        "EVIDENCE a-1 10", "EVIDENCE a-2 15");
    }

    @DatabaseTest
    void listsWithFiltersAndOptimisticLocking(VigilDatabase db) {
        db.alerts().upsert(alert("a-1", Severity.LOW, T0, account("alice")));
        db.alerts().upsert(alert("a-2", Severity.HIGH, T0.plus(Duration.ofDays(1)), account("bob")));
        Incident alice = db.incidents().group("a-1", WINDOW);
        Incident bob = db.incidents().group("a-2", WINDOW);
        db.incidents().updateTriage(alice.id(), 0, new IncidentTriage(IncidentStatus.ACTIVE, Classification.UNDETERMINED, "carol"));

        assertThat(db.incidents().find(IncidentFilter.any(), PageRequest.firstPage()).items())
                .extracting(Incident::id).containsExactly(bob.id(), alice.id());
        assertThat(db.incidents().find(IncidentFilter.any().withStatuses(IncidentStatus.ACTIVE), PageRequest.firstPage()).items())
                .extracting(Incident::id).containsExactly(alice.id());
        assertThat(db.incidents().find(IncidentFilter.any().withSeverities(Severity.HIGH), PageRequest.firstPage()).items())
                .extracting(Incident::id).containsExactly(bob.id());
        assertThat(db.incidents().find(IncidentFilter.any().withAssignee("carol").withEntityText("Alice"), PageRequest.firstPage())
                .total()).isEqualTo(1);
        assertThat(db.incidents().find(IncidentFilter.any().between(T0.plusSeconds(3600 * 12), null), PageRequest.first(1))
                .items()).extracting(Incident::id).containsExactly(bob.id());
        assertThatThrownBy(() -> db.incidents().updateTriage(alice.id(), 0,
                new IncidentTriage(IncidentStatus.CLOSED, Classification.FALSE_POSITIVE, null)))
                .isInstanceOf(StaleVersionException.class);
    }
}
