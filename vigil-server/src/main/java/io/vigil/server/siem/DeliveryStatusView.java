package io.vigil.server.siem;

import java.time.Instant;

/**
 * How an exporter's delivery stands.
 *
 * @param backlog      outbox rows not yet accepted by the SIEM
 * @param lagSeconds   age of the oldest of them (0 when none wait)
 * @param running      whether its worker is running (false when disabled or it could not start)
 */
public record DeliveryStatusView(boolean running, long delivered, long backlog, long lagSeconds, Instant oldestPending,
                                 Instant lastDeliveredAt, Instant lastAttemptAt, int failures, String lastError,
                                 Instant lastErrorAt, Instant nextAttemptAt) {
}
