package io.vigil.detection.spi;

import io.vigil.model.identity.IdentityEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The shape most detectors share: per key, a tumbling {@link ActivityWindow} opened by the first
 * relevant event; the alert is emitted as soon as the window reaches the detector's threshold and
 * emitted again (same id, since the id derives from key and window start) with every later event of
 * that window. A timer at the window's end resets the state so idle keys stay small.
 *
 * <p>Subclasses say which events matter ({@link #admit}), what an event adds ({@link #record}), when
 * the window is alert-worthy ({@link #reached}) and what the alert says ({@link #describe}).
 */
public abstract class WindowedDetector implements Detector<ActivityWindow> {

    /** How an event relates to the window. */
    protected enum Admission {
        /** Not relevant. */
        IGNORE,
        /** Relevant: counted, and opens a window when none covers it. */
        OPENS,
        /** Only adds context to a window that is already open (e.g. a success after failures). */
        JOINS
    }

    private final DetectorDescriptor descriptor;
    private final KeySelector key;
    private final Duration window;

    protected WindowedDetector(DetectorDescriptor descriptor, KeySelector key, Duration window) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.key = Objects.requireNonNull(key, "key");
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public final DetectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final KeySelector key() {
        return key;
    }

    protected final Duration window() {
        return window;
    }

    @Override
    public final ActivityWindow newState() {
        return new ActivityWindow();
    }

    protected abstract Admission admit(IdentityEvent event, DirectoryView directory);

    /** Adds an admitted event to the open window; returns false when it changed nothing worth re-emitting. */
    protected abstract boolean record(ActivityWindow window, IdentityEvent event, DirectoryView directory);

    /** Whether the window deserves an alert. */
    protected abstract boolean reached(ActivityWindow window);

    /** Fills in the finding: description, entities, properties (id, times, evidence are already set). */
    protected abstract void describe(ActivityWindow window, AlertDraft alert, String key);

    @Override
    public final void onEvent(ActivityWindow state, IdentityEvent event, DetectionContext ctx) {
        Admission admission = admit(event, ctx.directory());
        if (admission == Admission.IGNORE
                || admission == Admission.JOINS && !state.covers(event.time(), window)) {
            return;
        }
        if (state.roll(event.time(), window)) {
            ctx.timer(state.start.plus(window));
        }
        if (record(state, event, ctx.directory()) && reached(state)) {
            AlertDraft alert = AlertDraft.of(descriptor, ctx.key(), state.start)
                    .end(state.last)
                    .evidence(state.evidence, state.total);
            describe(state, alert, ctx.key());
            ctx.emit(alert.build());
            state.alerted = true;
        }
    }

    @Override
    public final void onTimer(ActivityWindow state, Instant time, DetectionContext ctx) {
        // A timer from an earlier window may fire after a later window opened: only end the one that is over.
        if (state.start != null && state.endedBy(time, window)) {
            state.reset();
        }
    }
}
