package io.vigil.model.alert;

import java.time.Instant;

/**
 * One event that contributed to an alert: when, which event on which computer, where it was read,
 * and a one-line summary an analyst can read without opening the raw record.
 */
public record Evidence(Instant time, int eventId, String computer, long recordId, String origin, String summary) {
}
