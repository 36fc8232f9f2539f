package io.vigil.ingest.journal;

/**
 * Counters since the journal was opened.
 *
 * @param appends      {@code append} calls made durable
 * @param records      records made durable
 * @param bytes        frame bytes written (payloads plus 16 bytes of header each)
 * @param groupCommits disk flushes ({@code fdatasync}); {@code appends / groupCommits} is the mean group size
 * @param rejected     appends refused with {@link JournalFullException}
 */
public record JournalStats(long appends, long records, long bytes, long groupCommits, long rejected) {
}
