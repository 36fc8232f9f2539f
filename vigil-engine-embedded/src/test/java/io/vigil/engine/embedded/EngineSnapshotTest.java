package io.vigil.engine.embedded;

import static io.vigil.detection.testing.TestEvents.KDC_PREAUTH_FAILED;
import static io.vigil.detection.testing.TestEvents.RC4;
import static io.vigil.detection.testing.TestEvents.T0;
import static io.vigil.detection.testing.TestEvents.preAuthFailed;
import static io.vigil.detection.testing.TestEvents.serviceTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.detection.directory.StaticDirectory;
import io.vigil.detection.registry.DetectorRegistry;
import io.vigil.detection.spi.Detector;
import io.vigil.model.alert.Alert;
import io.vigil.model.identity.IdentityEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An attack that straddles a restart is judged as if there had been none: the engine's keyed state
 * and timers go into a snapshot, a new engine (any worker count) takes it back, and the alerts of the
 * whole run come out the same.
 */
class EngineSnapshotTest {

    private final List<Detector<?>> detectors = DetectorRegistry.discover().create(Map.of());

    /** A password spray over twelve accounts and a Kerberoasting burst, interleaved in time. */
    private static List<IdentityEvent> attack() {
        List<IdentityEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(preAuthFailed(T0.plusSeconds(10L * i), "user" + i, "10.0.0.66", KDC_PREAUTH_FAILED));
            events.add(serviceTicket(T0.plusSeconds(10L * i + 5), "pgustavo", "MSSQLSvc/db" + i, "10.0.0.77", RC4));
        }
        return events;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    void anAttackThatStraddlesASnapshotGivesTheSameAlertsAsAnUninterruptedRun(int workersAfterRestart) {
        List<IdentityEvent> events = attack();
        Map<String, Alert> uninterrupted = run(events, 2);

        Map<String, Alert> beforeRestart = new ConcurrentHashMap<>();
        EmbeddedEngine first = engine(beforeRestart, 2);
        events.subList(0, 11).forEach(first::submit);
        byte[] snapshot = first.snapshot().toBytes();
        first.close();

        Map<String, Alert> afterRestart = new ConcurrentHashMap<>(beforeRestart);
        EmbeddedEngine second = engine(afterRestart, workersAfterRestart);
        assertThat(second.restore(snapshot)).isPositive();
        events.subList(11, events.size()).forEach(second::submit);
        second.finish();

        assertThat(uninterrupted).isNotEmpty();
        assertThat(afterRestart.keySet()).isEqualTo(uninterrupted.keySet());
        uninterrupted.forEach((id, alert) -> assertThat(afterRestart.get(id)).isEqualTo(alert));
    }

    @Test
    void withoutTheSnapshotTheSecondHalfAloneMissesTheAttack() {
        List<IdentityEvent> events = attack();
        Map<String, Alert> uninterrupted = run(events, 2);

        Map<String, Alert> secondHalfOnly = run(events.subList(11, events.size()), 2);

        assertThat(secondHalfOnly.keySet()).isNotEqualTo(uninterrupted.keySet());
    }

    @Test
    void statesOfDetectorsNoLongerRunAreDroppedAndGarbageIsRefused() {
        EmbeddedEngine first = engine(new ConcurrentHashMap<>(), 1);
        attack().subList(0, 11).forEach(first::submit);
        byte[] snapshot = first.snapshot().toBytes();
        first.close();

        EmbeddedEngine none = new EmbeddedEngine(List.of(), StaticDirectory.empty(), alert -> { },
                EngineOptions.defaults());
        assertThat(none.restore(snapshot)).isZero();
        none.close();

        EmbeddedEngine fresh = engine(new ConcurrentHashMap<>(), 1);
        assertThatThrownBy(() -> fresh.restore(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
        fresh.close();
    }

    private Map<String, Alert> run(List<IdentityEvent> events, int workers) {
        Map<String, Alert> alerts = new ConcurrentHashMap<>();
        EmbeddedEngine engine = engine(alerts, workers);
        events.forEach(engine::submit);
        engine.finish();
        return Collections.unmodifiableMap(alerts);
    }

    private EmbeddedEngine engine(Map<String, Alert> latest, int workers) {
        return new EmbeddedEngine(detectors, StaticDirectory.empty(), alert -> latest.put(alert.id(), alert),
                EngineOptions.defaults().withWorkers(workers));
    }
}
