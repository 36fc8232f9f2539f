package io.vigil.store.outbox;

import java.time.Instant;

/**
 * What an exporter still has to deliver.
 *
 * @param oldest when the oldest undelivered change was committed; null when nothing waits
 */
public record Backlog(long count, Instant oldest) {
}
