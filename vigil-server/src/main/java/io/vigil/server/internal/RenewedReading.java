package io.vigil.server.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A figure too costly to compute on every request (an aggregate over every alert), kept as it was last
 * read: the first caller reads it; a caller that finds it older than {@code freshFor} gets it at once
 * while one background thread reads the next. Nothing is read while nobody asks. A failed background
 * read is logged and the last reading is kept, to be tried again on the next call.
 */
public final class RenewedReading<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RenewedReading.class);

    private final String name;
    private final Duration freshFor;
    private final Clock clock;
    private final Supplier<T> read;
    private final ScheduledExecutorService renewer;
    private final AtomicBoolean renewing = new AtomicBoolean();
    private volatile Reading<T> last;

    private record Reading<T>(Instant at, T value) {
    }

    /** @param name names the background thread ({@code vigil-<name>}) and the reading in the log */
    public RenewedReading(String name, Duration freshFor, Clock clock, Supplier<T> read) {
        this.name = name;
        this.freshFor = freshFor;
        this.clock = clock;
        this.read = read;
        this.renewer = BackgroundThreads.scheduler("vigil-" + name);
    }

    /** The last reading; the first call reads it, a call that finds it stale starts the next in the background. */
    public T get() {
        Reading<T> current = last;
        if (current == null) {
            return first();
        }
        if (current.at().plus(freshFor).isBefore(clock.instant()) && renewing.compareAndSet(false, true)) {
            renewer.execute(this::renew);
        }
        return current.value();
    }

    private synchronized T first() {
        if (last == null) {
            last = read();
        }
        return last.value();
    }

    private void renew() {
        try {
            last = read();
        } catch (RuntimeException e) {
            if (renewer.isShutdown()) {
                return; // the server is stopping: the read was cut short on purpose
            }
            log.warn("reading {} again failed; the last reading stays: {}", name, e.toString());
        } finally {
            renewing.set(false);
        }
    }

    /** Takes the time before reading, so that a reading is never thought fresher than it is. */
    private Reading<T> read() {
        Instant at = clock.instant();
        return new Reading<>(at, read.get());
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
