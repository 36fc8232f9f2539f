package io.vigil.server.console.settings.detectors;

import java.time.Instant;

/**
 * An account marked as a honeytoken.
 *
 * @param account the account as the directory names it ({@code lab.example\bob}), or its SID when no
 *                synced domain holds it
 */
public record HoneytokenRow(String sid, String account, boolean inDirectory, String markedBy, Instant markedAt) {
}
