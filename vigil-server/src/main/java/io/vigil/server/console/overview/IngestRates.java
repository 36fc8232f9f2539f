package io.vigil.server.console.overview;

import io.vigil.server.internal.BackgroundThreads;
import io.vigil.server.ingest.IngestStatusService;
import io.vigil.server.ingest.IngestStatusService.SourceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Events per second by source over about the last minute, as the overview shows it: the ingest
 * counters only count up since start, so a rate needs an earlier reading. One daemon thread reads
 * them every {@link #EVERY} and keeps a minute of readings.
 */
@Component
class IngestRates implements DisposableBean {

    static final Duration EVERY = Duration.ofSeconds(10);
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Supplier<Map<String, Long>> counts;
    private final Clock clock;
    private final Deque<Reading> readings = new ArrayDeque<>();
    private final ScheduledExecutorService sampler;

    private record Reading(Instant at, Map<String, Long> events) {
    }

    @Autowired
    IngestRates(IngestStatusService status) {
        this(() -> eventsBySource(status), Clock.systemUTC(), true);
    }

    IngestRates(Supplier<Map<String, Long>> counts, Clock clock, boolean sampleInBackground) {
        this.counts = counts;
        this.clock = clock;
        this.sampler = sampleInBackground ? BackgroundThreads.scheduler("vigil-ingest-rates") : null;
        read();
        if (sampler != null) {
            sampler.scheduleAtFixedRate(this::read, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Map<String, Long> eventsBySource(IngestStatusService status) {
        Map<String, Long> events = new HashMap<>();
        for (SourceStatus source : status.sources()) {
            events.put(source.source(), source.events());
        }
        return events;
    }

    /** Takes a reading and forgets those older than the window. */
    synchronized void read() {
        Instant now = clock.instant();
        readings.addLast(new Reading(now, counts.get()));
        while (readings.size() > 2 && readings.peekFirst().at().isBefore(now.minus(WINDOW))) {
            readings.removeFirst();
        }
    }

    /** Events per second by source between the oldest reading kept and now; 0 for a source that was silent. */
    synchronized Map<String, Double> perSecond() {
        Reading oldest = readings.peekFirst();
        Instant now = clock.instant();
        Map<String, Long> current = counts.get();
        Map<String, Double> rates = new HashMap<>();
        double seconds = oldest == null ? 0 : Duration.between(oldest.at(), now).toMillis() / 1000.0;
        current.forEach((source, events) -> rates.put(source, seconds < 1 ? 0.0
                : (events - oldest.events().getOrDefault(source, 0L)) / seconds));
        return rates;
    }

    @Override
    public void destroy() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }
}
