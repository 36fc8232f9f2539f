package io.vigil.server.console.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.server.internal.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestRatesTest {

    private final Map<String, Long> counters = new HashMap<>();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));

    @Test
    void theRateIsTheGrowthSinceTheOldestReadingOfTheLastMinute() {
        counters.put("http", 1_000L);
        IngestRates rates = new IngestRates(() -> Map.copyOf(counters), clock, false);
        assertThat(rates.perSecond()).containsEntry("http", 0.0);

        for (int i = 0; i < 12; i++) {
            clock.advance(IngestRates.EVERY);
            counters.merge("http", 500L, Long::sum);
            rates.read();
        }
        // two minutes of 50 events/s; the readings kept cover the last minute
        clock.advance(Duration.ofSeconds(5));
        counters.merge("http", 250L, Long::sum);
        counters.put("syslog-tcp", 30L);
        Map<String, Double> perSecond = rates.perSecond();
        assertThat(perSecond.get("http")).isCloseTo(50.0, within(0.01));
        // a source first seen within the window counts from zero
        assertThat(perSecond.get("syslog-tcp")).isCloseTo(30.0 / 65, within(0.01));
    }

    @Test
    void silenceReadsAsZero() {
        counters.put("folder", 40L);
        IngestRates rates = new IngestRates(() -> Map.copyOf(counters), clock, false);
        clock.advance(Duration.ofSeconds(30));
        rates.read();
        clock.advance(Duration.ofSeconds(30));
        assertThat(rates.perSecond()).containsEntry("folder", 0.0);
    }
}
