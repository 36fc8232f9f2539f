package io.vigil.engine.embedded;

import io.vigil.detection.spi.Detector;
import io.vigil.detection.spi.DirectoryView;
import io.vigil.detection.spi.VaultActivityView;
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Runs every detector over a stream of identity events in this process. Each event goes to the
 * detectors that read its kind; each (detector, key) pair is hashed to one partition, and each
 * partition is owned by one worker thread, so a key's events are handled in submission order and
 * results do not depend on the number of workers. Event-time timers fire as the watermark — the
 * newest event time less the allowed lateness — passes them (for bounded input, only at the end);
 * {@link #finish()} fires the rest.
 *
 * <p>Submit from one thread. Queues are bounded: a submitter faster than the detectors blocks.
 */
public final class EmbeddedEngine implements AutoCloseable {

    private final List<Detector<?>> detectors;
    private final int[][] detectorsByKind;
    private final Partition[] partitions;
    private final EngineOptions options;
    private final AtomicLongArray errors;
    private final Worker[] workers;
    private final Batch[] open;
    private Instant newest = Instant.MIN;
    private Instant watermark = Instant.MIN;
    private long events;
    private long routed;
    private boolean finished;

    public EmbeddedEngine(List<Detector<?>> detectors, DirectoryView directory, AlertSink sink, EngineOptions options) {
        this(detectors, directory, VaultActivityView.NONE, sink, options);
    }

    /** @param vaultActivity what connected PAM vaults recorded, for detectors that ask */
    public EmbeddedEngine(List<Detector<?>> detectors, DirectoryView directory, VaultActivityView vaultActivity,
                          AlertSink sink, EngineOptions options) {
        this.detectors = List.copyOf(detectors);
        this.options = options;
        this.detectorsByKind = indexByKind(this.detectors);
        this.errors = new AtomicLongArray(this.detectors.size());
        int partitionCount = Math.max(1, options.workers());
        this.partitions = new Partition[partitionCount];
        for (int i = 0; i < partitionCount; i++) {
            partitions[i] = new Partition(this.detectors, directory, vaultActivity, sink, errors::incrementAndGet,
                    options.allowedLateness().isZero() ? Duration.ofSeconds(1) : options.allowedLateness());
        }
        this.workers = new Worker[options.workers()];
        this.open = new Batch[options.workers()];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(partitions[i], options.queueDepth());
            workers[i].start();
            open[i] = new Batch(options.batchSize());
        }
    }

    private static int[][] indexByKind(List<Detector<?>> detectors) {
        int[][] index = new int[IdentityEventKind.values().length][];
        for (IdentityEventKind kind : IdentityEventKind.values()) {
            List<Integer> readers = new ArrayList<>();
            for (int d = 0; d < detectors.size(); d++) {
                if (detectors.get(d).descriptor().inputs().contains(kind)) {
                    readers.add(d);
                }
            }
            index[kind.ordinal()] = readers.stream().mapToInt(Integer::intValue).toArray();
        }
        return index;
    }

    /** Whether any detector reads events of this kind; callers may skip building the rest. */
    public boolean wants(IdentityEventKind kind) {
        return detectorsByKind[kind.ordinal()].length > 0;
    }

    public void submit(IdentityEvent event) {
        if (finished) {
            throw new IllegalStateException("engine already finished");
        }
        events++;
        int[] readers = detectorsByKind[event.kind().ordinal()];
        if (readers.length == 0) {
            return;
        }
        Instant watermarkBefore = watermark;
        if (event.time().isAfter(newest)) {
            newest = event.time();
            Instant next = options.boundedInput() ? Instant.MIN : saturatingMinus(newest, options.allowedLateness());
            if (next.isAfter(watermark)) {
                watermark = next;
            }
        }
        for (int d : readers) {
            String key = keyOf(d, event);
            if (key == null) {
                continue;
            }
            routed++;
            int p = partitionIndex(d, key);
            if (workers.length == 0) {
                partitions[p].process(d, key, event);
            } else if (open[p].add(d, key, event, watermarkBefore)) {
                dispatch(p);
            }
        }
        if (workers.length == 0) {
            partitions[0].advanceWatermark(watermark);
        }
    }

    private static Instant saturatingMinus(Instant time, Duration amount) {
        return time.getEpochSecond() - Instant.MIN.getEpochSecond() > amount.getSeconds() + 1
                ? time.minus(amount)
                : Instant.MIN;
    }

    private String keyOf(int d, IdentityEvent event) {
        try {
            return detectors.get(d).key().keyOf(event);
        } catch (RuntimeException e) {
            errors.incrementAndGet(d);
            return null;
        }
    }

    private void dispatch(int p) {
        Batch batch = open[p];
        batch.watermark = watermark;
        workers[p].put(batch);
        open[p] = new Batch(options.batchSize());
    }

    /**
     * Hands the events routed so far to the workers without waiting for full batches. A live source
     * calls it whenever it has nothing more to submit for the moment, so alerts never wait for traffic.
     */
    public void flush() {
        if (finished) {
            return;
        }
        for (int p = 0; p < workers.length; p++) {
            if (open[p].size > 0) {
                dispatch(p);
            }
        }
    }

    /**
     * The keyed state after everything submitted so far: every state, pending timer and the event-time
     * clock, to keep with the input position that follows the last event submitted. Waits until the
     * workers have processed all of it (submit nothing meanwhile); turning it into bytes can wait.
     */
    public EngineSnapshot snapshot() {
        if (finished) {
            throw new IllegalStateException("engine already finished");
        }
        List<StateSnapshot> parts = new ArrayList<>(partitions.length);
        if (workers.length == 0) {
            parts.add(partitions[0].export());
        } else {
            List<CompletableFuture<StateSnapshot>> exports = new ArrayList<>(workers.length);
            for (int p = 0; p < workers.length; p++) {
                CompletableFuture<StateSnapshot> export = new CompletableFuture<>();
                open[p].snapshot = export;
                exports.add(export);
                dispatch(p);
            }
            for (CompletableFuture<StateSnapshot> export : exports) {
                parts.add(awaitExport(export));
            }
        }
        return new EngineSnapshot(StateSnapshot.combine(newest, watermark, parts));
    }

    private static StateSnapshot awaitExport(CompletableFuture<StateSnapshot> export) {
        try {
            return export.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking a snapshot", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a detector state could not be exported", e.getCause());
        }
    }

    /**
     * Puts back the state of a {@link #snapshot()} (its {@link EngineSnapshot#toBytes() bytes}): call it on a new engine before submitting anything.
     * States of detectors this engine does not run are dropped; each is read into the state type its
     * detector creates.
     *
     * @return how many keyed states were restored
     * @throws IllegalArgumentException when the bytes are not a snapshot or a state does not fit its detector
     */
    public int restore(byte[] snapshot) {
        if (events > 0 || finished) {
            throw new IllegalStateException("restore a snapshot before submitting events");
        }
        StateSnapshot restored = StateSnapshot.fromBytes(snapshot);
        Map<String, Integer> byId = new java.util.HashMap<>();
        for (int d = 0; d < detectors.size(); d++) {
            byId.putIfAbsent(detectors.get(d).descriptor().id(), d);
        }
        record Restorable(int detector, String key, Object state) {
        }
        List<Restorable> states = new ArrayList<>(restored.states().size());
        for (StateSnapshot.KeyedState s : restored.states()) {
            Integer d = byId.get(s.detector());
            if (d != null && s.key() != null) {
                states.add(new Restorable(d, s.key(), stateOf(d, s)));
            }
        }
        // every state was read before any is put back, so a snapshot that does not fit leaves the engine as it was
        for (Restorable r : states) {
            partitionOf(r.detector(), r.key()).restore(r.detector(), r.key(), r.state());
        }
        for (StateSnapshot.PendingTimer t : restored.timers()) {
            Integer d = byId.get(t.detector());
            if (d != null && t.key() != null && t.time() != null) {
                partitionOf(d, t.key()).restoreTimer(d, t.key(), t.time());
            }
        }
        newest = restored.newest();
        watermark = restored.watermark();
        for (Partition p : partitions) {
            p.restoreWatermark(watermark);
        }
        return states.size();
    }

    private Object stateOf(int d, StateSnapshot.KeyedState s) {
        Class<?> type = detectors.get(d).newState().getClass();
        try {
            return StateSnapshot.JSON.treeToValue(s.state(), type);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("state of " + s.detector() + " for " + s.key() + " does not fit "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private Partition partitionOf(int d, String key) {
        return partitions[partitionIndex(d, key)];
    }

    private int partitionIndex(int d, String key) {
        return Math.floorMod(31 * d + key.hashCode(), partitions.length);
    }

    /** Delivers everything submitted, fires every remaining timer and waits for the workers. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (workers.length == 0) {
            partitions[0].advanceWatermark(Instant.MAX);
            return;
        }
        for (int p = 0; p < workers.length; p++) {
            Batch batch = open[p];
            batch.watermark = Instant.MAX;
            batch.last = true;
            workers[p].put(batch);
        }
        for (Worker w : workers) {
            w.awaitEnd();
        }
    }

    public EngineStats stats() {
        Map<String, Long> byDetector = new TreeMap<>();
        for (int d = 0; d < detectors.size(); d++) {
            if (errors.get(d) > 0) {
                byDetector.put(detectors.get(d).descriptor().id(), errors.get(d));
            }
        }
        long keys = 0;
        if (finished || workers.length == 0) {
            for (Partition p : partitions) {
                keys += p.keys();
            }
        }
        return new EngineStats(events, routed, byDetector, keys);
    }

    @Override
    public void close() {
        finish();
    }

    private final class Worker extends Thread {
        private final Partition partition;
        private final BlockingQueue<Batch> queue;
        private volatile Throwable failure;

        Worker(Partition partition, int depth) {
            super("vigil-detector-" + System.identityHashCode(partition));
            setDaemon(true);
            this.partition = partition;
            this.queue = new ArrayBlockingQueue<>(depth);
        }

        void put(Batch batch) {
            if (failure != null) {
                throw new IllegalStateException("detector worker died", failure);
            }
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while submitting", e);
            }
        }

        void awaitEnd() {
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while finishing", e);
            }
            if (failure != null) {
                throw new IllegalStateException("detector worker died", failure);
            }
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Batch batch = queue.take();
                    for (int i = 0; i < batch.size; i++) {
                        partition.advanceWatermark(batch.watermarks[i]);
                        partition.process(batch.detectors[i], batch.keys[i], batch.events[i]);
                    }
                    partition.advanceWatermark(batch.watermark);
                    if (batch.snapshot != null) {
                        batch.snapshot.complete(partition.export());
                    }
                    if (batch.last) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                failure = t;
            }
        }
    }
}
