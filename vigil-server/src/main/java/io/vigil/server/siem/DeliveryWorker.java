package io.vigil.server.siem;

import io.vigil.integrations.http.Backoff;
import io.vigil.integrations.http.Sleeper;
import io.vigil.integrations.siem.DeliveryResult;
import io.vigil.integrations.siem.DeliveryResult.DeliveryFailure;
import io.vigil.integrations.siem.SiemExporter;
import io.vigil.store.outbox.OutboxRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Delivers one exporter's share of the outbox: the rows after its cursor in batches, moving the
 * cursor over exactly those the SIEM accepted (after it accepted them), and after a failure waiting
 * what the SIEM asked for ({@code Retry-After}) or an exponential back-off with jitter before trying
 * the same rows again. Nothing is ever dropped: a SIEM that refuses for good (bad credentials, a
 * wrong stream) is retried at the slowest pace while the status shows the error. A crash between the
 * SIEM's acceptance and the cursor update sends that one batch again, with the same row ids.
 */
public final class DeliveryWorker {

    /** How a worker paces itself. */
    public record Pacing(Backoff backoff, Duration maxWait, Duration idlePoll) {

        public static Pacing defaults() {
            return new Pacing(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)), Duration.ofMinutes(5),
                    Duration.ofMillis(250));
        }
    }

    private static final long UNKNOWN = -1;

    private final String exporterId;
    private final OutboxRepository outbox;
    private final SiemExporter exporter;
    private final Pacing pacing;
    private final Sleeper sleeper;
    private final Clock clock;
    private final BatchReader reader;
    private int failures;
    /** The stored cursor as this worker last wrote or read it; {@link #UNKNOWN} until read. */
    private long cursor = UNKNOWN;

    public DeliveryWorker(String exporterId, OutboxRepository outbox, SiemExporter exporter, Pacing pacing, Sleeper sleeper,
                   Clock clock) {
        this.exporterId = exporterId;
        this.outbox = outbox;
        this.exporter = exporter;
        this.pacing = pacing;
        this.sleeper = sleeper;
        this.clock = clock;
        this.reader = new BatchReader(outbox, exporter.preferredBatchSize(), exporterId);
    }

    /** Delivers until {@code running} turns false or the thread is interrupted. */
    public void run(BooleanSupplier running) {
        while (running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            Duration wait;
            try {
                wait = deliverOnce();
            } catch (RuntimeException storeFailure) {
                // the database is unavailable: the cursor may not have moved, so read it again
                cursor = UNKNOWN;
                wait = pacing.backoff().delay(++failures, null, pacing.maxWait());
            }
            if (!wait.isZero()) {
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One batch; returns how long to wait before the next (zero when more may be waiting). */
    public Duration deliverOnce() {
        if (cursor == UNKNOWN) {
            cursor = outbox.deliveredThrough(exporterId);
        }
        BatchReader.Batch batch = reader.after(cursor);
        if (batch.isEmpty()) {
            return pacing.idlePoll();
        }
        if (reader.full(batch)) {
            // more is waiting: read it while this batch is on its way (used only if the SIEM takes all of this one)
            reader.readAhead(batch.lastSeq());
        }
        DeliveryResult result;
        try {
            result = exporter.deliver(batch.records());
        } catch (RuntimeException e) {
            result = DeliveryResult.partial(0, DeliveryFailure.retryable(0, null, "Exporter failed: "
                    + e.getClass().getSimpleName()));
        }
        if (result.delivered() > 0) {
            long through = batch.seqOfRow(result.delivered());
            outbox.delivered(exporterId, through);
            cursor = through;
        }
        if (result.complete()) {
            failures = 0;
            return Duration.ZERO;
        }
        failures++;
        DeliveryFailure failure = result.failure();
        Duration wait = failure.retryable()
                ? pacing.backoff().delay(failures, failure.retryAfter(), pacing.maxWait())
                : pacing.maxWait();
        outbox.failed(exporterId, failure.message(), clock.instant().plus(wait));
        return wait;
    }
}
