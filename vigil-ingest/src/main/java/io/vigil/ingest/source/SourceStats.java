package io.vigil.ingest.source;

/**
 * What one source gave: a file, or an entry inside an archive ({@code a.zip!b.json}).
 *
 * @param format  the sniffed format's name ({@code json-lines}, {@code evtx}, {@code unknown}, …)
 * @param bytes   bytes read from it after unwrapping
 * @param skipped why it was not decoded at all, or {@link SkipReason#NONE}
 */
public record SourceStats(String source, String format, long bytes, long events, long errors, SkipReason skipped) {

    public boolean wasSkipped() {
        return skipped != SkipReason.NONE;
    }
}
