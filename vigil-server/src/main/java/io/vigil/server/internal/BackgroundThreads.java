package io.vigil.server.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** What the server's own loops (detection, password resets, …) share when they stop. */
public final class BackgroundThreads {

    /** How long a stopping server waits for a loop to finish the step it is in. */
    public static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private BackgroundThreads() {
    }

    /** A scheduler on one daemon thread of this name: a server's periodic work never keeps the JVM alive. */
    public static ScheduledExecutorService scheduler(String threadName) {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Waits up to {@link #STOP_WAIT} for the thread (null: never started) to end; keeps an interrupt. */
    public static void awaitEnd(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
