package io.vigil.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A costly figure read once, served while fresh, and renewed by one background read at a time when stale. */
class RenewedReadingTest {

    private static final Duration FRESH_FOR = Duration.ofSeconds(15);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final RenewedReading<Integer> reading = new RenewedReading<>("test-reading", FRESH_FOR, clock, () -> {
        try {
            assertThat(gate.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        attempts.incrementAndGet();
        if (failing.get()) {
            throw new IllegalStateException("store unavailable");
        }
        return reads.incrementAndGet();
    });

    @AfterEach
    void stop() {
        reading.close();
    }

    @Test
    void theFirstCallReadsAndAFreshReadingIsServedWithoutReadingAgain() {
        assertThat(reads).hasValue(0);
        assertThat(reading.get()).isEqualTo(1);
        clock.advance(FRESH_FOR);
        assertThat(reading.get()).isEqualTo(1);
        assertThat(reads).as("exactly " + FRESH_FOR + " old is still fresh").hasValue(1);
    }

    @Test
    void aStaleReadingIsServedWhileOneBackgroundReadRenewsIt() {
        assertThat(reading.get()).isEqualTo(1);
        gate = new CountDownLatch(1);
        clock.advance(FRESH_FOR.plusSeconds(1));
        for (int i = 0; i < 5; i++) {
            assertThat(reading.get()).as("answered at once from the stale reading").isEqualTo(1);
        }
        gate.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> reading.get() == 2);
        assertThat(reads).as("one renewal for the five stale calls").hasValue(2);
        assertThat(reading.get()).as("the renewal is fresh").isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFailedRenewalKeepsTheLastReadingAndIsTriedAgainOnTheNextCall() {
        assertThat(reading.get()).isEqualTo(1);
        failing.set(true);
        clock.advance(FRESH_FOR.plusSeconds(1));
        assertThat(reading.get()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() == 2);
        assertThat(reading.get()).as("the failed renewal left the last reading").isEqualTo(1);
        failing.set(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> reading.get() == 2);
    }
}
