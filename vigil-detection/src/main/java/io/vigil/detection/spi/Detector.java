package io.vigil.detection.spi;

import io.vigil.model.identity.IdentityEvent;
import java.time.Instant;

/**
 * A detector: plain Java, event time only (never the wall clock), state per key as a mutable POJO so
 * that any engine can keep it (a map in the embedded engine, keyed state in Flink).
 *
 * <p>The engine calls {@link #onEvent} only for events whose kind is in the descriptor's inputs and
 * whose key is not null, always with the state of that key, never concurrently for one key.
 *
 * @param <S> the per-key state
 */
public interface Detector<S> {

    DetectorDescriptor descriptor();

    /** Which key an event belongs to; a null key means the detector ignores the event. */
    KeySelector key();

    S newState();

    void onEvent(S state, IdentityEvent event, DetectionContext ctx);

    /** Called once the event-time watermark passes a timer registered with {@link DetectionContext#timer}. */
    default void onTimer(S state, Instant time, DetectionContext ctx) {
    }
}
