package io.vigil.store.outbox;

import java.time.Instant;

/**
 * An exporter's delivery record.
 *
 * @param delivered     rows the SIEM accepted, all time
 * @param failures      failed attempts since the last success
 * @param lastError     the last failure's message (never credentials), null after a success
 * @param nextAttemptAt when the worker tries again after a failure
 */
public record DeliveryStatus(long delivered, Instant lastDeliveredAt, Instant lastAttemptAt, int failures,
                             String lastError, Instant lastErrorAt, Instant nextAttemptAt) {

    public static final DeliveryStatus NONE = new DeliveryStatus(0, null, null, 0, null, null, null);
}
