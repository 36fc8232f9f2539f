package io.vigil.ingest.journal;

/**
 * One record read back from the journal.
 *
 * @param position the record's position: assigned by the journal at append time, strictly increasing
 *                 and stable across restarts
 * @param payload  the opaque bytes given to {@link Journal#append}; the array belongs to the caller
 */
public record JournalRecord(long position, byte[] payload) {
}
