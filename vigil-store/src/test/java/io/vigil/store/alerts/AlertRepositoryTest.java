package io.vigil.store.alerts;

import static io.vigil.store.testing.TestAlerts.T0;
import static io.vigil.store.testing.TestAlerts.account;
import static io.vigil.store.testing.TestAlerts.alert;
import static io.vigil.store.testing.TestAlerts.evidence;
import static io.vigil.store.testing.TestAlerts.host;
import static io.vigil.store.testing.TestAlerts.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.model.alert.Alert;
import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Classification;
import io.vigil.model.alert.Severity;
import io.vigil.store.NotFoundException;
import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import io.vigil.store.StaleVersionException;
import io.vigil.store.VigilDatabase;
import io.vigil.store.testing.DatabaseTest;
import io.vigil.store.testing.TestAlerts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;

class AlertRepositoryTest {

    @DatabaseTest
    void storesEveryFieldOfAnAlert(VigilDatabase db) {
        Alert alert = alert("a-1", Severity.HIGH, T0, account("alice"), host("ws01"), ip("10.0.0.5"));

        StoredAlert stored = db.alerts().upsert(alert);

        assertThat(stored.alert()).isEqualTo(alert);
        assertThat(stored.version()).isZero();
        assertThat(stored.assignee()).isNull();
        assertThat(db.alerts().findById("a-1")).contains(stored);
        assertThat(db.alerts().findById("missing")).isEmpty();
    }

    @DatabaseTest
    void upsertUpdatesWhatTheDetectorOwnsAndKeepsWhatAnalystsSet(VigilDatabase db) {
        Alert first = alert("a-1", Severity.MEDIUM, T0, account("alice"));
        StoredAlert stored = db.alerts().upsert(first);
        db.alerts().updateTriage("a-1", stored.version(),
                new AlertTriage(AlertStatus.IN_PROGRESS, Classification.TRUE_POSITIVE, "bob"));

        var moreEvidence = List.of(evidence(T0, 1), evidence(T0.plusSeconds(10), 2), evidence(T0.plusSeconds(90), 3));
        Alert redetected = TestAlerts.withEvidence(first, T0.plusSeconds(90), moreEvidence, "Even more tickets");
        StoredAlert updated = db.alerts().upsert(redetected);

        assertThat(updated.alert().evidence()).isEqualTo(moreEvidence);
        assertThat(updated.alert().evidenceCount()).isEqualTo(3);
        assertThat(updated.alert().endTime()).isEqualTo(T0.plusSeconds(90));
        assertThat(updated.alert().description()).isEqualTo("Even more tickets");
        assertThat(updated.alert().status()).isEqualTo(AlertStatus.IN_PROGRESS);
        assertThat(updated.alert().classification()).isEqualTo(Classification.TRUE_POSITIVE);
        assertThat(updated.assignee()).isEqualTo("bob");
        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.createdAt()).isEqualTo(stored.createdAt());
    }

    @DatabaseTest
    void triageWithAStaleVersionIsRejected(VigilDatabase db) {
        long version = db.alerts().upsert(alert("a-1", Severity.LOW, T0, account("alice"))).version();
        db.alerts().updateTriage("a-1", version, new AlertTriage(AlertStatus.IN_PROGRESS, Classification.UNDETERMINED, "bob"));

        assertThatThrownBy(() -> db.alerts().updateTriage("a-1", version,
                new AlertTriage(AlertStatus.RESOLVED, Classification.FALSE_POSITIVE, "carol")))
                .isInstanceOf(StaleVersionException.class)
                .hasMessageContaining("a-1")
                .hasMessageContaining("expected version 0 but it is at version 1");
        assertThat(db.alerts().findById("a-1").orElseThrow().assignee()).isEqualTo("bob");
    }

    @DatabaseTest
    void triageOfAMissingAlertSaysSo(VigilDatabase db) {
        assertThatThrownBy(() -> db.alerts().updateTriage("nope", 0,
                new AlertTriage(AlertStatus.RESOLVED, Classification.FALSE_POSITIVE, null)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("alert nope does not exist");
    }

    @DatabaseTest
    void pagesAreNewestFirstAndCountTheWholeMatch(VigilDatabase db) {
        for (int i = 0; i < 7; i++) {
            db.alerts().upsert(alert("a-" + i, Severity.LOW, T0.plus(Duration.ofHours(i)), account("user" + i)));
        }

        Page<StoredAlert> first = db.alerts().find(AlertFilter.any(), PageRequest.of(0, 3));
        Page<StoredAlert> last = db.alerts().find(AlertFilter.any(), PageRequest.of(6, 3));

        assertThat(first.items()).extracting(StoredAlert::id).containsExactly("a-6", "a-5", "a-4");
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.hasNext()).isTrue();
        assertThat(last.items()).extracting(StoredAlert::id).containsExactly("a-0");
        assertThat(last.hasNext()).isFalse();
    }

    @DatabaseTest
    void filtersByStatusSeverityTypeTimeAndEntity(VigilDatabase db) {
        db.alerts().upsert(alert("old", Severity.HIGH, T0.minus(Duration.ofDays(2)), account("alice")));
        db.alerts().upsert(alert("low", Severity.LOW, T0, account("bob"), ip("10.0.0.7")));
        db.alerts().upsert(TestAlerts.ofType(alert("dcsync", Severity.HIGH, T0, account("mallory"), host("ws_9")), "dcsync"));
        long version = db.alerts().upsert(alert("done", Severity.HIGH, T0, account("alice"))).version();
        db.alerts().updateTriage("done", version, new AlertTriage(AlertStatus.RESOLVED, Classification.FALSE_POSITIVE, null));

        assertThat(ids(db, AlertFilter.any().withStatuses(AlertStatus.NEW))).containsExactlyInAnyOrder("old", "low", "dcsync");
        assertThat(ids(db, AlertFilter.any().withSeverities(Severity.LOW))).containsExactly("low");
        assertThat(ids(db, AlertFilter.any().withTypes("dcsync"))).containsExactly("dcsync");
        assertThat(ids(db, AlertFilter.any().between(T0.minus(Duration.ofHours(1)), T0.plusSeconds(1))))
                .containsExactlyInAnyOrder("low", "dcsync", "done");
        assertThat(ids(db, AlertFilter.any().withEntityText("ALICE"))).containsExactlyInAnyOrder("old", "done");
        assertThat(ids(db, AlertFilter.any().withEntityText("10.0.0.7"))).containsExactly("low");
        // LIKE wildcards in the search text match only themselves
        assertThat(ids(db, AlertFilter.any().withEntityText("ws_"))).containsExactly("dcsync");
        assertThat(ids(db, AlertFilter.any().withEntityText("%"))).isEmpty();
        assertThat(ids(db, AlertFilter.any().withStatuses(AlertStatus.NEW).withSeverities(Severity.HIGH)
                .withEntityText("alice"))).containsExactly("old");
    }

    @DatabaseTest
    void commentsAreKeptInOrder(VigilDatabase db) {
        db.alerts().upsert(alert("a-1", Severity.LOW, T0, account("alice")));

        AlertComment first = db.alerts().addComment("a-1", "bob", "looking into it");
        db.alerts().addComment("a-1", "carol", "service account, expected");

        assertThat(db.alerts().comments("a-1")).extracting(AlertComment::author, AlertComment::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bob", "looking into it"),
                        org.assertj.core.groups.Tuple.tuple("carol", "service account, expected"));
        assertThat(db.alerts().comments("a-1").get(0)).isEqualTo(first);
        assertThatThrownBy(() -> db.alerts().addComment("missing", "bob", "hello"))
                .isInstanceOf(NotFoundException.class);
    }

    @DatabaseTest
    void summariesAreTheListWithoutEvidence(VigilDatabase db) {
        db.alerts().upsert(alert("old", Severity.LOW, T0, account("alice")));
        db.alerts().upsert(alert("new", Severity.HIGH, T0.plusSeconds(60), account("bob")));

        Page<StoredAlert> summaries = db.alerts().findSummaries(AlertFilter.any().withSeverities(Severity.HIGH, Severity.LOW),
                PageRequest.firstPage());

        assertThat(summaries.items()).extracting(StoredAlert::id).containsExactly("new", "old");
        assertThat(summaries.total()).isEqualTo(2);
        assertThat(summaries.items()).allSatisfy(a -> {
            assertThat(a.alert().evidence()).isEmpty();
            assertThat(a.alert().evidenceCount()).isEqualTo(2);
            assertThat(a.alert().entities()).isNotEmpty();
        });
    }

    @DatabaseTest
    void entityKeysFindTheAlertsAboutExactlyThoseEntities(VigilDatabase db) {
        db.alerts().upsert(alert("a", Severity.LOW, T0, account("alice"), host("ws01")));
        db.alerts().upsert(alert("a2", Severity.LOW, T0, account("alice2")));
        db.alerts().upsert(alert("w", Severity.LOW, T0, host("WS01")));

        assertThat(ids(db, AlertFilter.any().withEntityKeys(List.of("account:contoso\\alice"))))
                .containsExactly("a");
        assertThat(ids(db, AlertFilter.any().withEntityKeys(List.of("host:ws01", "account:contoso\\alice2"))))
                .containsExactlyInAnyOrder("a", "a2", "w");
        assertThat(ids(db, AlertFilter.any().withEntityText("alice"))).containsExactlyInAnyOrder("a", "a2");
    }

    @DatabaseTest
    void countsAlertsStartedInAPeriodBySeverity(VigilDatabase db) {
        db.alerts().upsert(alert("a", Severity.HIGH, T0, account("alice")));
        db.alerts().upsert(alert("b", Severity.HIGH, T0.plusSeconds(3599), account("alice")));
        db.alerts().upsert(alert("c", Severity.LOW, T0.plusSeconds(30), account("bob")));
        db.alerts().upsert(alert("later", Severity.LOW, T0.plusSeconds(3600), account("bob")));

        assertThat(db.alerts().countBySeverity(T0, T0.plusSeconds(3600)))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(Severity.HIGH, 2L, Severity.LOW, 1L));
    }

    @DatabaseTest
    void theLatestStartIsTheNewestAlertsStart(VigilDatabase db) {
        assertThat(db.alerts().latestStart()).isEmpty();
        db.alerts().upsert(alert("a", Severity.LOW, T0.plusSeconds(90), account("alice")));
        db.alerts().upsert(alert("b", Severity.LOW, T0, account("bob")));
        assertThat(db.alerts().latestStart()).contains(T0.plusSeconds(90));
    }

    @DatabaseTest
    void accountActivityAddsUpEachAccountsAlerts(VigilDatabase db) {
        db.alerts().upsert(alert("a-1", Severity.LOW, T0, account("alice"), host("ws01")));
        db.alerts().upsert(alert("a-2", Severity.HIGH, T0.plusSeconds(600), account("alice")));
        StoredAlert bob = db.alerts().upsert(alert("b-1", Severity.MEDIUM, T0, account("bob")));
        db.alerts().updateTriage("b-1", bob.version(), new AlertTriage(AlertStatus.RESOLVED, Classification.FALSE_POSITIVE, null));
        db.alerts().updateTriage("a-2", 0, new AlertTriage(AlertStatus.RESOLVED, Classification.TRUE_POSITIVE, null));

        assertThat(db.alerts().accountActivity()).containsExactlyInAnyOrder(
                new EntityActivity("account:contoso\\alice", 2, T0.plusSeconds(660), Severity.HIGH, Severity.LOW),
                new EntityActivity("account:contoso\\bob", 1, T0.plusSeconds(60), Severity.MEDIUM, null));
    }

    @DatabaseTest
    void readingEveryAlertGoesThroughEachOnceInTheListsOrder(VigilDatabase db) {
        // more than two fetches' worth, three alerts to a start time so that the id breaks ties
        int count = 2 * AlertRepository.STREAM_FETCH_SIZE + 1;
        List<Alert> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Severity severity = Severity.values()[i % Severity.values().length];
            stored.add(alert(String.format("a-%04d", i), severity, T0.plusSeconds(i / 3), account("user" + i % 7), host("ws" + i)));
        }
        db.inTransaction(() -> stored.forEach(db.alerts()::save));
        List<Alert> newestFirst = stored.stream()
                .sorted(Comparator.comparing(Alert::startTime).reversed().thenComparing(Alert::id)).toList();

        List<AlertOutline> outlines = new ArrayList<>();
        db.alerts().forEachOutline(AlertFilter.any(), outlines::add);
        List<StoredAlert> whole = new ArrayList<>();
        db.alerts().forEach(AlertFilter.any(), whole::add);

        assertThat(outlines).containsExactlyElementsOf(newestFirst.stream().map(AlertOutline::of).toList());
        assertThat(whole).extracting(StoredAlert::alert).containsExactlyElementsOf(newestFirst);
        assertThat(outlines.subList(0, PageRequest.DEFAULT_LIMIT)).extracting(AlertOutline::id)
                .containsExactlyElementsOf(ids(db, AlertFilter.any()));
    }

    @DatabaseTest
    void readingEveryAlertKeepsToTheFilter(VigilDatabase db) {
        db.alerts().upsert(alert("old", Severity.HIGH, T0.minus(Duration.ofDays(2)), account("alice")));
        db.alerts().upsert(alert("low", Severity.LOW, T0, account("bob"), ip("10.0.0.7")));
        db.alerts().upsert(TestAlerts.ofType(alert("dcsync", Severity.HIGH, T0, account("mallory"), host("ws_9")), "dcsync"));
        long version = db.alerts().upsert(alert("done", Severity.HIGH, T0.plusSeconds(1), account("alice"))).version();
        db.alerts().updateTriage("done", version, new AlertTriage(AlertStatus.RESOLVED, Classification.FALSE_POSITIVE, null));

        assertThat(outlineIds(db, AlertFilter.any())).containsExactly("done", "dcsync", "low", "old");
        assertThat(outlineIds(db, AlertFilter.any().withStatuses(AlertStatus.NEW))).containsExactly("dcsync", "low", "old");
        assertThat(outlineIds(db, AlertFilter.any().withSeverities(Severity.HIGH).withTypes("kerberoasting")))
                .containsExactly("done", "old");
        assertThat(outlineIds(db, AlertFilter.any().between(T0.minus(Duration.ofHours(1)), T0.plusSeconds(1))))
                .containsExactly("dcsync", "low");
        assertThat(outlineIds(db, AlertFilter.any().withEntityText("ws_"))).containsExactly("dcsync");
        assertThat(outlineIds(db, AlertFilter.any().withEntityKeys(List.of("account:contoso\\alice"))))
                .containsExactly("done", "old");
        List<AlertOutline> done = new ArrayList<>();
        db.alerts().forEachOutline(AlertFilter.any().withStatuses(AlertStatus.RESOLVED), done::add);
        assertThat(done).containsExactly(new AlertOutline("done", Severity.HIGH, AlertStatus.RESOLVED,
                T0.plusSeconds(61), List.of(account("alice"))));
    }

    @DatabaseTest
    void outlinesDoNotReadTheEvidence(VigilDatabase db, DataSource dataSource) {
        db.alerts().upsert(alert("a-1", Severity.LOW, T0, account("alice")));
        JdbcClient.create(dataSource).sql("UPDATE alerts SET evidence = '\"not a list of events\"' WHERE id = 'a-1'").update();
        assertThatThrownBy(() -> db.alerts().findById("a-1")).isInstanceOf(JacksonException.class);

        List<AlertOutline> outlines = new ArrayList<>();
        db.alerts().forEachOutline(AlertFilter.any(), outlines::add);

        assertThat(outlines).extracting(AlertOutline::id).containsExactly("a-1");
    }

    private static List<String> outlineIds(VigilDatabase db, AlertFilter filter) {
        List<String> ids = new ArrayList<>();
        db.alerts().forEachOutline(filter, outline -> ids.add(outline.id()));
        return ids;
    }

    private static List<String> ids(VigilDatabase db, AlertFilter filter) {
        return db.alerts().find(filter, PageRequest.firstPage()).items().stream().map(StoredAlert::id).toList();
    }
}
