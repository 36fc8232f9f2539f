package io.vigil.server.siem;

import io.vigil.server.internal.BackgroundThreads;
import io.vigil.integrations.http.Sleeper;
import io.vigil.integrations.siem.SiemExporter;
import io.vigil.store.VigilDatabase;
import io.vigil.store.outbox.StoredExporter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs a delivery worker thread per enabled exporter, restarts it when its configuration changes,
 * and purges outbox rows every exporter has delivered. On restart each worker starts from its
 * exporter's cursor.
 */
@Component
class SiemDelivery implements DisposableBean {

    /** Delivered rows stay this long, for looking into what was sent. */
    static final Duration KEEP_DELIVERED = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(SiemDelivery.class);

    private record Running(Thread thread, SiemExporter exporter) {
    }

    private final VigilDatabase database;
    private final ExporterFactory factory;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService housekeeping = BackgroundThreads.scheduler("vigil-siem-purge");
    private volatile boolean stopping;

    SiemDelivery(VigilDatabase database, ExporterFactory factory) {
        this.database = database;
        this.factory = factory;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startAll() {
        database.siemExporters().list().forEach(e -> restart(e.id()));
        housekeeping.scheduleWithFixedDelay(this::purge, 10, 10, TimeUnit.MINUTES);
    }

    /** Stops the exporter's worker, and starts a new one from its current configuration when it is enabled. */
    synchronized void restart(String exporterId) {
        stop(exporterId);
        if (stopping) {
            return;
        }
        StoredExporter stored = database.siemExporters().findById(exporterId).orElse(null);
        if (stored == null || !stored.enabled()) {
            return;
        }
        SiemExporter exporter;
        try {
            exporter = factory.create(stored);
        } catch (RuntimeException e) {
            log.warn("SIEM exporter {} cannot start: {}", exporterId, e.getMessage());
            database.outbox().failed(exporterId, "Cannot start: " + e.getMessage(), Clock.systemUTC().instant());
            return;
        }
        DeliveryWorker worker = new DeliveryWorker(exporterId, database.outbox(), exporter,
                DeliveryWorker.Pacing.defaults(), Sleeper.system(), Clock.systemUTC());
        Thread thread = new Thread(() -> worker.run(() -> !stopping), "vigil-siem-" + exporterId);
        thread.setDaemon(true);
        running.put(exporterId, new Running(thread, exporter));
        thread.start();
    }

    synchronized void stop(String exporterId) {
        Running current = running.remove(exporterId);
        if (current == null) {
            return;
        }
        current.thread().interrupt();
        try {
            current.thread().join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current.exporter().close();
    }

    boolean isRunning(String exporterId) {
        Running current = running.get(exporterId);
        return current != null && current.thread().isAlive();
    }

    private void purge() {
        try {
            database.outbox().purgeDelivered(Clock.systemUTC().instant().minus(KEEP_DELIVERED));
        } catch (RuntimeException e) {
            log.warn("purging delivered SIEM outbox rows failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        stopping = true;
        housekeeping.shutdownNow();
        running.keySet().forEach(this::stop);
    }
}
