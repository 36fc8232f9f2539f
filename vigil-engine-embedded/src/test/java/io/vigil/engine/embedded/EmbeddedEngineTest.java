package io.vigil.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detection.directory.StaticDirectory;
import io.vigil.detection.spi.AlertDraft;
import io.vigil.detection.spi.DetectionContext;
import io.vigil.detection.spi.Detector;
import io.vigil.detection.spi.DetectorDescriptor;
import io.vigil.detection.spi.KeySelector;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.Severity;
import io.vigil.model.identity.Account;
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import io.vigil.model.identity.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddedEngineTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Counts an account's failed logons and reports the count when its five-minute timer fires. */
    static final class FailureCounter implements Detector<FailureCounter.State> {
        static final class State {
            Instant first;
            int failures;
        }

        private final DetectorDescriptor descriptor = new DetectorDescriptor("failure-counter", null, null,
                "Failures", Severity.LOW, List.of(MitreTactic.CREDENTIAL_ACCESS), List.of(),
                Set.of(IdentityEventKind.LOGON_FAILED), Duration.ZERO, null);

        @Override
        public DetectorDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public KeySelector key() {
            return KeySelector.ACTOR;
        }

        @Override
        public State newState() {
            return new State();
        }

        @Override
        public void onEvent(State state, IdentityEvent event, DetectionContext ctx) {
            if (event.actor().name().equals("poison")) {
                throw new IllegalStateException("a detector bug must not stop the stream");
            }
            if (state.first == null) {
                state.first = event.time();
                ctx.timer(event.time().plus(Duration.ofMinutes(5)));
            }
            state.failures++;
        }

        @Override
        public void onTimer(State state, Instant time, DetectionContext ctx) {
            ctx.emit(AlertDraft.of(descriptor, ctx.key(), state.first)
                    .description(ctx.key() + " failed " + state.failures + " times").end(time).build());
            state.first = null;
            state.failures = 0;
        }
    }

    private static IdentityEvent failure(String user, int minute) {
        return IdentityEvent.builder(IdentityEventKind.LOGON_FAILED, null)
                .time(T0.plus(Duration.ofMinutes(minute)))
                .actor(Account.of("CORP", user, null))
                .outcome(Outcome.FAILURE)
                .build();
    }

    private static List<String> run(int workers, List<IdentityEvent> events) {
        LatestAlerts alerts = new LatestAlerts();
        EngineOptions options = new EngineOptions(workers, Duration.ZERO, 3, 2, false);
        try (EmbeddedEngine engine = new EmbeddedEngine(List.of(new FailureCounter()), StaticDirectory.empty(),
                alerts, options)) {
            events.forEach(engine::submit);
            engine.finish();
            assertThat(engine.stats().events()).isEqualTo(events.size());
        }
        return alerts.sorted().stream().map(Alert::description).toList();
    }

    private static List<IdentityEvent> traffic() {
        List<IdentityEvent> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(failure("user" + (i % 4), i));
        }
        return events;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 4})
    void timersFireInEventTimeOrderAndResultsDoNotDependOnWorkerCount(int workers) {
        List<String> descriptions = run(workers, traffic());
        // each user fails every 4 minutes; a window opens at its first failure and closes 5 minutes later,
        // so every window holds two failures (minutes m and m+4), and the last window closes at finish()
        assertThat(descriptions).hasSize(20).allMatch(d -> d.endsWith("failed 2 times"));
        assertThat(descriptions).isEqualTo(run(0, traffic()));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void boundedInputHoldsTimersSoAnOlderRecordingReadLaterIsStillJudgedWhole(int workers) {
        List<IdentityEvent> newerFileThenOlderFile = new ArrayList<>();
        for (int minute : new int[] {600, 601, 602, 0, 1, 2}) {
            newerFileThenOlderFile.add(failure("alice", minute));
        }
        LatestAlerts alerts = new LatestAlerts();
        try (EmbeddedEngine engine = new EmbeddedEngine(List.of(new FailureCounter()), StaticDirectory.empty(),
                alerts, EngineOptions.forRecordings().withWorkers(workers))) {
            newerFileThenOlderFile.forEach(engine::submit);
        }
        // as a live stream, the older file's events would each meet an already-passed watermark
        assertThat(alerts.sorted()).extracting(Alert::description).containsExactly("alice failed 6 times");
    }

    @Test
    void aLiveStreamFiresTimersAsTheWatermarkPasses() {
        LatestAlerts alerts = new LatestAlerts();
        try (EmbeddedEngine engine = new EmbeddedEngine(List.of(new FailureCounter()), StaticDirectory.empty(),
                alerts, new EngineOptions(0, Duration.ZERO, 1, 1, false))) {
            engine.submit(failure("alice", 0));
            engine.submit(failure("alice", 1));
            engine.submit(failure("bob", 6));
            assertThat(alerts.sorted()).as("alice's window closed at minute 5, before bob's event")
                    .extracting(Alert::description).containsExactly("alice failed 2 times");
            engine.finish();
        }
        assertThat(alerts.size()).isEqualTo(2);
    }

    @Test
    void flushHandsPartialBatchesToTheWorkersWithoutFinishing() {
        LatestAlerts alerts = new LatestAlerts();
        try (EmbeddedEngine engine = new EmbeddedEngine(List.of(new FailureCounter()), StaticDirectory.empty(),
                alerts, new EngineOptions(2, Duration.ZERO, 512, 2, false))) {
            engine.submit(failure("alice", 0));
            engine.submit(failure("bob", 10));
            engine.flush();
            // alice's five-minute timer passed when bob's event moved the watermark to minute 10
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> alerts.size() == 1);
            engine.finish();
        }
        assertThat(alerts.size()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void aLateBurstKeepsItsWindowOpenUntilTheWatermarkMovesOnByTheAllowedLateness(int workers) {
        LatestAlerts alerts = new LatestAlerts();
        try (EmbeddedEngine engine = new EmbeddedEngine(List.of(new FailureCounter()), StaticDirectory.empty(),
                alerts, new EngineOptions(workers, Duration.ofMinutes(1), 1, 4, false))) {
            engine.submit(failure("alice", 30));
            // bob's burst arrives 30 minutes late: its window's end has long passed the watermark
            engine.submit(failure("bob", 0));
            engine.submit(failure("bob", 0));
            engine.submit(failure("bob", 1));
        }
        assertThat(alerts.sorted()).extracting(Alert::description)
                .containsExactlyInAnyOrder("bob failed 3 times", "alice failed 1 times");
    }

    @Test
    void aThrowingDetectorIsCountedAndTheStreamGoesOn() {
        LatestAlerts alerts = new LatestAlerts();
        try (EmbeddedEngine engine = new EmbeddedEngine(List.of(new FailureCounter()), StaticDirectory.empty(),
                alerts, new EngineOptions(2, Duration.ZERO, 1, 1, false))) {
            engine.submit(failure("poison", 0));
            engine.submit(failure("alice", 1));
            engine.finish();
            assertThat(engine.stats().detectorErrors()).containsEntry("failure-counter", 1L);
        }
        assertThat(alerts.sorted()).extracting(Alert::description).containsExactly("alice failed 1 times");
    }

    @Test
    void eventsNoDetectorReadsAreNotRouted() {
        LatestAlerts alerts = new LatestAlerts();
        try (EmbeddedEngine engine = new EmbeddedEngine(List.of(new FailureCounter()), StaticDirectory.empty(),
                alerts, EngineOptions.singleThreaded())) {
            assertThat(engine.wants(IdentityEventKind.LOGON)).isFalse();
            assertThat(engine.wants(IdentityEventKind.LOGON_FAILED)).isTrue();
            engine.submit(IdentityEvent.builder(IdentityEventKind.LOGON, null).time(T0)
                    .actor(Account.of(null, "bob", null)).build());
            engine.finish();
            assertThat(engine.stats().routed()).isZero();
        }
        assertThat(alerts.size()).isZero();
    }
}
