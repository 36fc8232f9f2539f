package io.vigil.server.ingest.syslog;

import io.vigil.ingest.journal.JournalFullException;
import io.vigil.server.ingest.EventIntake;
import io.vigil.server.ingest.SourceKind;
import java.io.IOException;
import java.time.Instant;

/** Journals a sender's group, and what to do when the journal has no room: wait (TCP) or drop (UDP). */
final class GroupJournal {

    private static final long FIRST_WAIT_MILLIS = 50;
    private static final long LONGEST_WAIT_MILLIS = 1_000;

    private final EventIntake intake;
    private final SourceKind kind;

    GroupJournal(EventIntake intake, SourceKind kind) {
        this.intake = intake;
        this.kind = kind;
    }

    /**
     * Journals the group, waiting while the journal is full. The caller reads nothing from the
     * sender meanwhile, so TCP flow control slows the sender down instead of memory filling up.
     *
     * @return false when {@code stillWanted} said to give up (shutdown); the group is then kept
     */
    boolean journalWaiting(String source, MessageGroup group, java.util.function.BooleanSupplier stillWanted)
            throws IOException, InterruptedException {
        long wait = FIRST_WAIT_MILLIS;
        boolean counted = false;
        while (true) {
            try {
                intake.journal(kind, group.batches(source, Instant.now()));
                group.clear();
                return true;
            } catch (JournalFullException e) {
                if (!counted) {
                    intake.refused(kind, "throttled", group.messages());
                    counted = true;
                }
                if (!stillWanted.getAsBoolean()) {
                    return false;
                }
                Thread.sleep(wait);
                wait = Math.min(LONGEST_WAIT_MILLIS, wait * 2);
            }
        }
    }

    /** Journals the group once; when the journal is full its messages are dropped and counted. */
    void journalOrDrop(String source, MessageGroup group) throws IOException {
        try {
            intake.journal(kind, group.batches(source, Instant.now()));
        } catch (JournalFullException e) {
            intake.refused(kind, "journal-full", group.messages());
        }
        group.clear();
    }
}
