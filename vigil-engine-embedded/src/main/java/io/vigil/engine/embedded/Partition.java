package io.vigil.engine.embedded;

import io.vigil.detection.spi.DetectionContext;
import io.vigil.detection.spi.Detector;
import io.vigil.detection.spi.DirectoryView;
import io.vigil.detection.spi.VaultActivityView;
import io.vigil.model.alert.Alert;
import io.vigil.model.identity.IdentityEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * One share of the keyed state: every (detector, key) pair hashed to this partition lives here, and
 * only one thread ever touches it, so detectors need no locking. Timers fire in event-time order
 * once the watermark passes them.
 */
final class Partition {

    private record StateKey(int detector, String key) {
    }

    private record Timer(Instant time, int detector, String key) {
    }

    private final List<Detector<?>> detectors;
    private final DirectoryView directory;
    private final VaultActivityView vaultActivity;
    private final AlertSink sink;
    private final IntConsumer detectorFailed;
    private final Map<StateKey, Object> states = new HashMap<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.time.compareTo(b.time));
    private final Set<Timer> pending = new HashSet<>();
    private final Context context = new Context();
    private final Duration lateGrace;
    private Instant watermark = Instant.MIN;
    private long processed;

    /** @param detectorFailed told the index of a detector that threw; the event or timer is skipped for it */
    /**
     * @param lateGrace how much further the watermark must move before a timer that was already due
     *                  when registered fires: a late event opens a window whose end has passed, and
     *                  without this grace its window would close before the rest of its batch arrives
     */
    Partition(List<Detector<?>> detectors, DirectoryView directory, VaultActivityView vaultActivity, AlertSink sink,
            IntConsumer detectorFailed, Duration lateGrace) {
        this.lateGrace = lateGrace;
        this.detectors = detectors;
        this.directory = directory;
        this.vaultActivity = vaultActivity;
        this.sink = sink;
        this.detectorFailed = detectorFailed;
    }

    void process(int detectorIndex, String key, IdentityEvent event) {
        Detector<?> detector = detectors.get(detectorIndex);
        context.bind(detectorIndex, key);
        processed++;
        try {
            onEvent(detector, state(detectorIndex, key, detector), event);
        } catch (RuntimeException e) {
            detectorFailed.accept(detectorIndex);
        }
    }

    void advanceWatermark(Instant watermark) {
        if (watermark.isAfter(this.watermark)) {
            this.watermark = watermark;
        }
        while (!timers.isEmpty() && !timers.peek().time.isAfter(watermark)) {
            Timer t = timers.poll();
            pending.remove(t);
            Detector<?> detector = detectors.get(t.detector);
            Object state = states.get(new StateKey(t.detector, t.key));
            if (state != null) {
                context.bind(t.detector, t.key);
                try {
                    onTimer(detector, state, t.time);
                } catch (RuntimeException e) {
                    detectorFailed.accept(t.detector);
                }
            }
        }
    }

    long processed() {
        return processed;
    }

    /** This partition's states and timers, as JSON copies; runs on the partition's own thread. */
    StateSnapshot export() {
        List<StateSnapshot.KeyedState> exported = new ArrayList<>(states.size());
        states.forEach((k, state) -> exported.add(new StateSnapshot.KeyedState(idOf(k.detector), k.key,
                StateSnapshot.JSON.valueToTree(state))));
        List<StateSnapshot.PendingTimer> pendingTimers = new ArrayList<>(pending.size());
        for (Timer t : pending) {
            pendingTimers.add(new StateSnapshot.PendingTimer(idOf(t.detector), t.key, t.time));
        }
        return new StateSnapshot(watermark, watermark, exported, pendingTimers);
    }

    /** Puts back one key's state; before the partition's thread processes anything. */
    void restore(int detectorIndex, String key, Object state) {
        states.put(new StateKey(detectorIndex, key), state);
    }

    void restoreTimer(int detectorIndex, String key, Instant time) {
        Timer t = new Timer(time, detectorIndex, key);
        if (pending.add(t)) {
            timers.add(t);
        }
    }

    void restoreWatermark(Instant restored) {
        watermark = restored;
    }

    private String idOf(int detectorIndex) {
        return detectors.get(detectorIndex).descriptor().id();
    }

    int keys() {
        return states.size();
    }

    private Instant graceAfter(Instant time) {
        return Instant.MAX.minus(lateGrace).isAfter(time) ? time.plus(lateGrace) : Instant.MAX;
    }

    private Object state(int detectorIndex, String key, Detector<?> detector) {
        return states.computeIfAbsent(new StateKey(detectorIndex, key), k -> detector.newState());
    }

    @SuppressWarnings("unchecked")
    private <S> void onEvent(Detector<S> detector, Object state, IdentityEvent event) {
        detector.onEvent((S) state, event, context);
    }

    @SuppressWarnings("unchecked")
    private <S> void onTimer(Detector<S> detector, Object state, Instant time) {
        detector.onTimer((S) state, time, context);
    }

    private final class Context implements DetectionContext {
        private int detector;
        private String key;

        void bind(int detectorIndex, String stateKey) {
            this.detector = detectorIndex;
            this.key = stateKey;
        }

        @Override
        public DirectoryView directory() {
            return directory;
        }

        @Override
        public VaultActivityView vaultActivity() {
            return vaultActivity;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public void emit(Alert alert) {
            sink.accept(alert);
        }

        @Override
        public void timer(Instant time) {
            Instant due = time.isAfter(watermark) || watermark.equals(Instant.MIN) ? time : graceAfter(watermark);
            Timer t = new Timer(due, detector, key);
            if (pending.add(t)) {
                timers.add(t);
            }
        }
    }
}
