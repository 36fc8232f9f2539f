package io.vigil.detection.testing;

import io.vigil.detection.spi.DetectionContext;
import io.vigil.detection.spi.DirectoryView;
import io.vigil.detection.spi.VaultActivityView;
import io.vigil.model.alert.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link DetectionContext} that records what a detector does: every emission, the latest version of
 * each alert by id (what a consumer upserting by id would hold), and the timers asked for, per key.
 * {@link DetectorHarness} drives a detector through it; engine tests can use it directly.
 */
public final class RecordingContext implements DetectionContext {

    /** A timer a detector registered for a key. */
    public record Timer(String key, Instant time) {
    }

    private final DirectoryView directory;
    private final VaultActivityView vaultActivity;
    private String key;
    private final List<Alert> emissions = new ArrayList<>();
    private final Map<String, Alert> latest = new LinkedHashMap<>();
    private final TreeMap<Instant, TreeSet<String>> timers = new TreeMap<>();

    public RecordingContext(DirectoryView directory) {
        this(directory, VaultActivityView.NONE);
    }

    public RecordingContext(DirectoryView directory, VaultActivityView vaultActivity) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.vaultActivity = Objects.requireNonNull(vaultActivity, "vaultActivity");
    }

    /** Sets the key the next calls run for. */
    public RecordingContext forKey(String key) {
        this.key = key;
        return this;
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
        emissions.add(alert);
        latest.put(alert.id(), alert);
    }

    @Override
    public void timer(Instant time) {
        timers.computeIfAbsent(time, t -> new TreeSet<>()).add(key);
    }

    /** The latest version of every alert, in the order ids were first emitted. */
    public List<Alert> alerts() {
        return List.copyOf(latest.values());
    }

    /** Every emission, updates included. */
    public List<Alert> emissions() {
        return List.copyOf(emissions);
    }

    public List<Timer> pendingTimers() {
        List<Timer> pending = new ArrayList<>();
        timers.forEach((time, keys) -> keys.forEach(k -> pending.add(new Timer(k, time))));
        return pending;
    }

    /**
     * Removes and returns, in time order, the timers the event-time watermark has passed: those
     * strictly before {@code watermark}.
     */
    public List<Timer> takeTimersBefore(Instant watermark) {
        List<Timer> due = new ArrayList<>();
        var head = timers.headMap(watermark, false);
        head.forEach((time, keys) -> keys.forEach(k -> due.add(new Timer(k, time))));
        head.clear();
        return due;
    }
}
