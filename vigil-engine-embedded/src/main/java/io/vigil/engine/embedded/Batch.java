package io.vigil.engine.embedded;

import io.vigil.model.identity.IdentityEvent;
import java.time.Instant;

/**
 * Routed events for one partition, handed to its worker at once. Each event carries the watermark
 * in force before it was submitted, applied just before it: a partition that saw no event while
 * the watermark moved still fires its due timers before its next event, so timers fall between the
 * same events of the partition whatever the batching and the worker count. {@link #watermark}
 * applies after the last one.
 */
final class Batch {

    final int[] detectors;
    final String[] keys;
    final IdentityEvent[] events;
    final Instant[] watermarks;
    int size;
    Instant watermark = Instant.MIN;
    boolean last;
    /** When set, the worker exports its partition into it once the batch is processed: a snapshot barrier. */
    java.util.concurrent.CompletableFuture<StateSnapshot> snapshot;

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
