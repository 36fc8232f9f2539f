package io.vigil.store.outbox;

import io.vigil.model.alert.Alert;
import java.time.Instant;

/**
 * One outbox row: the alert as it was after the change (without its evidence events, which no SIEM
 * row carries; the evidence count stays).
 *
 * @param seq       the outbox sequence: unique, never reused, so {@code alertId:seq} is an idempotent row id
 * @param createdAt when the change was committed
 */
public record OutboxEntry(long seq, Alert alert, OutboxChange change, Instant createdAt) {
}
