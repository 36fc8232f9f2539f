package io.vigil.store.alerts;

import java.time.Instant;

/** An analyst's note on an alert. */
public record AlertComment(long id, String alertId, String author, String text, Instant createdAt) {
}
