package io.vigil.ingest.journal;

/**
 * What opening the journal found.
 *
 * @param segments       segment files scanned
 * @param records        valid records found
 * @param tornTailBytes  bytes cut from the end of the last segment: the unfinished write of a crash.
 *                       Such records were never acknowledged (an append returns only after its
 *                       whole group is forced), so cutting them loses nothing that was promised
 * @param corruptRegions damaged regions skipped (each also told to the {@link CorruptionListener})
 * @param firstPosition  first position stored
 * @param nextPosition   position the next appended record gets
 */
public record RecoveryReport(int segments, long records, long tornTailBytes, int corruptRegions,
                             long firstPosition, long nextPosition) {
}
