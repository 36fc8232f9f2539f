package io.vigil.store.checkpoints;

import java.time.Instant;

/**
 * A snapshot of the engine's detector state.
 *
 * @param journalPosition the position in the ingest journal up to which {@code state} has seen events;
 *                        replay resumes after it
 * @param state           the serialised keyed state (arrays compare by identity in a record's equals)
 */
public record Checkpoint(long snapshotId, Instant takenAt, long journalPosition, byte[] state) {
}
