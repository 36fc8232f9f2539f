package io.vigil.server.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Work the server repeats on a background thread of its own from start to stop: a first round after
 * {@code firstAfter}, then one {@code every} after the last ended. A round that throws is logged and
 * the next one still runs (a scheduled task that throws would otherwise never run again).
 */
public abstract class PeriodicWork implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicWork.class);

    private final String threadName;
    private final Duration firstAfter;
    private final Duration every;
    private ScheduledExecutorService scheduler;

    protected PeriodicWork(String threadName, Duration firstAfter, Duration every) {
        this.threadName = threadName;
        this.firstAfter = firstAfter;
        this.every = every;
    }

    /** One round of the work. */
    protected abstract void round();

    @Override
    public synchronized void start() {
        scheduler = BackgroundThreads.scheduler(threadName);
        scheduler.scheduleWithFixedDelay(this::roundSafely, firstAfter.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void roundSafely() {
        try {
            round();
        } catch (RuntimeException e) {
            log.warn("{}: a round failed, the next one runs as planned: {}", threadName, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
