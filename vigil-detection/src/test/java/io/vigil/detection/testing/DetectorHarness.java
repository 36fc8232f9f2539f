package io.vigil.detection.testing;

import io.vigil.detection.directory.StaticDirectory;
import io.vigil.detection.spi.Detector;
import io.vigil.detection.spi.DirectoryView;
import io.vigil.detection.spi.VaultActivityView;
import io.vigil.model.alert.Alert;
import io.vigil.model.identity.IdentityEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one detector the way an engine does, in a single thread: routes only the descriptor's input
 * kinds, keys each event with the detector's selector (skipping null keys), keeps a state per key,
 * and fires event-time timers once the watermark (the latest event time fed) has passed them.
 */
public final class DetectorHarness<S> {

    private final Detector<S> detector;
    private final RecordingContext context;
    private final Map<String, S> states = new HashMap<>();

    private DetectorHarness(Detector<S> detector, DirectoryView directory, VaultActivityView vaultActivity) {
        this.detector = detector;
        this.context = new RecordingContext(directory, vaultActivity);
    }

    public static <S> DetectorHarness<S> of(Detector<S> detector, DirectoryView directory) {
        return of(detector, directory, VaultActivityView.NONE);
    }

    public static <S> DetectorHarness<S> of(Detector<S> detector, DirectoryView directory,
                                            VaultActivityView vaultActivity) {
        return new DetectorHarness<>(detector, directory, vaultActivity);
    }

    public static <S> DetectorHarness<S> of(Detector<S> detector) {
        return of(detector, StaticDirectory.empty());
    }

    public DetectorHarness<S> feed(IdentityEvent... events) {
        return feed(List.of(events));
    }

    public DetectorHarness<S> feed(List<IdentityEvent> events) {
        for (IdentityEvent e : events) {
            if (!detector.descriptor().inputs().contains(e.kind())) {
                continue;
            }
            String key = detector.key().keyOf(e);
            if (key == null) {
                continue;
            }
            advanceTo(e.time());
            detector.onEvent(states.computeIfAbsent(key, k -> detector.newState()), e, context.forKey(key));
        }
        return this;
    }

    /**
     * Moves the watermark to {@code watermark}, firing every timer strictly before it, including those
     * that firing timers registers.
     */
    public DetectorHarness<S> advanceTo(Instant watermark) {
        List<RecordingContext.Timer> due = context.takeTimersBefore(watermark);
        while (!due.isEmpty()) {
            for (RecordingContext.Timer t : due) {
                S state = states.get(t.key());
                if (state != null) {
                    detector.onTimer(state, t.time(), context.forKey(t.key()));
                }
            }
            due = context.takeTimersBefore(watermark);
        }
        return this;
    }

    public List<Alert> alerts() {
        return context.alerts();
    }

    /** The one alert raised; fails when there is none or more than one. */
    public Alert onlyAlert() {
        List<Alert> alerts = alerts();
        if (alerts.size() != 1) {
            throw new AssertionError("expected exactly one alert, got " + alerts.size() + ": "
                    + alerts.stream().map(Alert::description).toList());
        }
        return alerts.get(0);
    }

    public RecordingContext context() {
        return context;
    }

    public S state(String key) {
        return states.get(key);
    }
}
