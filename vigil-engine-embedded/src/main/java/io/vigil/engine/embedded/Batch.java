package io.vigil.engine.embedded;

import io.vigil.model.identity.IdentityEvent;
import java.time.Instant;

/**
 * Routed events for one partition, handed to its worker at once. Each event carries the watermark
 * in force when it was submitted, so timers fire before exactly the same events whatever the
 * batching; {@link #watermark} applies after the last one.
 */
final class Batch {

    final int[] detectors;
    final String[] keys;
    final IdentityEvent[] events;
    final Instant[] watermarks;
    int size;
    Instant watermark = Instant.MIN;
    boolean last;

    Batch(int capacity) {
        detectors = new int[capacity];
        keys = new String[capacity];
        events = new IdentityEvent[capacity];
        watermarks = new Instant[capacity];
    }

    boolean add(int detector, String key, IdentityEvent event, Instant watermarkBefore) {
        watermarks[size] = watermarkBefore;
        detectors[size] = detector;
        keys[size] = key;
        events[size] = event;
        size++;
        return size == events.length;
    }
}
