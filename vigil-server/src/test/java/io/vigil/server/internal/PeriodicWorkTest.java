package io.vigil.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Rounds run from start to stop on their own thread, and a failing round does not end them. */
class PeriodicWorkTest {

    @Test
    void roundsGoOnAfterOneThrows() throws InterruptedException {
        CountDownLatch threeRounds = new CountDownLatch(3);
        AtomicInteger rounds = new AtomicInteger();
        PeriodicWork work = new PeriodicWork("test-periodic", Duration.ZERO, Duration.ofMillis(1)) {
            @Override
            protected void round() {
                threeRounds.countDown();
                if (rounds.incrementAndGet() == 1) {
                    throw new IllegalStateException("first round fails");
                }
            }
        };
        assertThat(work.isRunning()).isFalse();

        work.start();
        assertThat(work.isRunning()).isTrue();
        assertThat(threeRounds.await(30, TimeUnit.SECONDS)).as("rounds after the failing one").isTrue();

        work.stop();
        assertThat(work.isRunning()).isFalse();
    }

    @Test
    void stoppingBeforeStartingIsHarmless() {
        PeriodicWork work = new PeriodicWork("test-periodic", Duration.ZERO, Duration.ofMinutes(1)) {
            @Override
            protected void round() {
            }
        };
        work.stop();
        assertThat(work.isRunning()).isFalse();
    }
}
