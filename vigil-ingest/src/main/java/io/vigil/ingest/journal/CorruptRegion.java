package io.vigil.ingest.journal;

import java.nio.file.Path;

/**
 * Bytes of a segment file that do not hold valid records, found while opening the journal or while
 * reading it. The records that were stored there, if any, are lost; reading resumes at the next
 * valid record.
 *
 * @param file           the segment file
 * @param offset         byte offset in that file where the damage starts
 * @param length         number of bytes skipped
 * @param reason         what was wrong with the first frame of the region (bad checksum, impossible length, …)
 * @param firstLost      the first position that may have been stored in the region
 * @param resumePosition position of the valid record that follows the region, or -1 if the region
 *                       runs to the end of the readable data
 */
public record CorruptRegion(Path file, long offset, long length, String reason, long firstLost, long resumePosition) {

    @Override
    public String toString() {
        return file + " at offset " + offset + ": " + length + " bytes skipped (" + reason + "), positions from "
                + firstLost + (resumePosition < 0 ? " to the end of the data" : " up to " + resumePosition) + " lost";
    }
}
