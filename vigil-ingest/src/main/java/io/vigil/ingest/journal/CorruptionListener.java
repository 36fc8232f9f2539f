package io.vigil.ingest.journal;

/**
 * Told about every damaged region the journal skips (bit rot, a file edited by hand). A region in a
 * sealed segment is reported again each time it is read, by the open-time scan and by every reader
 * that passes it. A torn tail cut at open (a crash in the middle of a write) is not corruption and is
 * not reported here; see {@link Journal#recovery()}.
 */
@FunctionalInterface
public interface CorruptionListener {

    void onCorruption(CorruptRegion region);

    /** Logs each region as a warning through {@link System.Logger}. */
    static CorruptionListener logging() {
        System.Logger log = System.getLogger(Journal.class.getName());
        return region -> log.log(System.Logger.Level.WARNING, "journal corruption skipped: {0}", region);
    }
}
