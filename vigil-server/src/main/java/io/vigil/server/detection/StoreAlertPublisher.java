package io.vigil.server.detection;

import io.vigil.server.internal.BackgroundThreads;
import io.vigil.model.alert.Alert;
import io.vigil.server.metrics.AlertMetrics;
import io.vigil.store.VigilDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Stores each alert (an upsert that is never read back: a detector's update of an alert it raised
 * before keeps what analysts set) and files it into an incident: alerts that share an entity within the grouping window join
 * one incident.
 *
 * <p>Detectors re-emit an alert with every new piece of evidence, so a brute force of thousands of
 * attempts would be thousands of writes of the same row. Alerts are therefore collected, latest
 * version per id, and written by one thread every {@link #FLUSH_EVERY} — at most one write per
 * changed alert per interval, and one writer, so two alerts about a new entity never open two
 * incidents. The interval bounds the extra alert latency. A re-emission equal to what was last
 * stored (a replay, a repeated event) is not written at all.
 */
@Component
class StoreAlertPublisher implements AlertPublisher, DisposableBean {

    static final Duration INCIDENT_WINDOW = Duration.ofHours(24);
    static final Duration FLUSH_EVERY = Duration.ofMillis(50);
    /**
     * Alerts remembered as last stored, most recently written first: the ones detectors are still
     * updating. An alert holds up to 100 evidence events, so this bounds the memory to tens of MB.
     */
    private static final int REMEMBERED = 1_000;
    /**
     * A stored alert that detectors keep updating (a long brute force re-emits it with every attempt)
     * is written again at most this often, so that its updates never delay the writing of new alerts.
     */
    static final Duration UPDATE_EVERY = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(StoreAlertPublisher.class);

    private final VigilDatabase database;
    private final AlertMetrics metrics;
    private final ApplicationEventPublisher events;
    private final Map<String, Alert> pending = new LinkedHashMap<>();
    /** What was last stored per alert id, so a re-emission that changes nothing costs no write. */
    private final Map<String, Stored> stored = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final ScheduledExecutorService writer = BackgroundThreads.scheduler("vigil-alert-writer");

    StoreAlertPublisher(VigilDatabase database, AlertMetrics metrics, ApplicationEventPublisher events) {
        this.database = database;
        this.metrics = metrics;
        this.events = events;
        writer.scheduleWithFixedDelay(this::flush, FLUSH_EVERY.toMillis(), FLUSH_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void publish(Alert alert) {
        synchronized (pending) {
            pending.put(alert.id(), alert);
        }
        metrics.published(alert.type());
    }

    @Override
    public boolean flushNow() {
        return flush(true);
    }

    /** The writer's regular flush: new alerts at once, updates of stored ones at most every {@link #UPDATE_EVERY}. */
    void flush() {
        flush(false);
    }

    /**
     * Writes what was published since the last flush, new alerts first; a failed write is retried
     * at the next one. One flush at a time, whoever calls it, so two alerts about a new entity never
     * open two incidents.
     *
     * @param everything also the updates of alerts stored less than {@link #UPDATE_EVERY} ago
     * @return whether everything due was written
     */
    private synchronized boolean flush(boolean everything) {
        List<Alert> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending.values());
            pending.clear();
        }
        List<Alert> due = new ArrayList<>(batch.size());
        List<Alert> updates = new ArrayList<>();
        List<Alert> later = new ArrayList<>();
        long now = System.nanoTime();
        for (Alert alert : batch) {
            Stored last = stored.get(alert.id());
            if (last == null) {
                due.add(alert);
            } else if (!alert.equals(last.alert())) {
                (everything || now - last.atNanos() >= UPDATE_EVERY.toNanos() ? updates : later).add(alert);
            }
        }
        due.addAll(updates);
        requeue(later);
        if (due.isEmpty()) {
            return true;
        }
        try {
            // one commit for the whole batch: on a busy machine the commits, not the statements, cost most
            database.inTransaction(() -> {
                for (Alert alert : due) {
                    database.alerts().save(alert);
                    database.incidents().place(alert.id(), INCIDENT_WINDOW);
                }
            });
        } catch (RuntimeException e) {
            log.warn("storing {} alerts failed, retrying: {}", due.size(), e.toString());
            requeue(due);
            return false;
        }
        long storedAt = System.nanoTime();
        due.forEach(alert -> stored.put(alert.id(), new Stored(alert, storedAt)));
        try {
            events.publishEvent(new AlertsStored(due));
        } catch (RuntimeException e) {
            log.warn("a listener to stored alerts failed: {}", e.toString());
        }
        return true;
    }

    /** An alert as last stored, and when. */
    private record Stored(Alert alert, long atNanos) {
    }

    private void requeue(List<Alert> unwritten) {
        synchronized (pending) {
            for (Alert alert : unwritten) {
                pending.putIfAbsent(alert.id(), alert);
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
        flush();
    }
}
