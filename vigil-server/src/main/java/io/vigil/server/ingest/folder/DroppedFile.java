package io.vigil.server.ingest.folder;

import io.vigil.ingest.decode.CountingFilter;
import io.vigil.ingest.decode.DecodeError;
import io.vigil.ingest.decode.DecodeListener;
import io.vigil.ingest.journal.EventBatch;
import io.vigil.ingest.journal.JournalFullException;
import io.vigil.ingest.source.EventSources;
import io.vigil.model.event.WindowsEvent;
import io.vigil.server.ingest.CheckedBatch;
import io.vigil.server.ingest.EventBatchCheck;
import io.vigil.server.ingest.EventIntake;
import io.vigil.server.ingest.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Journals one dropped file, whatever its format (EVTX, XML, JSON lines, zip, gzip) and size: it is
 * decoded as it is read, and the events detectors read are journaled in parts of at most
 * {@link #PART_EVENTS}. Should the server stop half way, the file is read again from the start on
 * restart and its first parts are journaled twice, which alert ids make harmless. A file from which
 * no event can be decoded is refused; one with some undecodable records is journaled and the bad
 * records are counted.
 */
final class DroppedFile {

    /** A part is journaled once it holds this many events. */
    static final int PART_EVENTS = 20_000;
    private static final long FIRST_WAIT_MILLIS = 100;
    private static final long LONGEST_WAIT_MILLIS = 2_000;

    /** Why a file could not be ingested, or null when it was. */
    record Outcome(long events, String failure) {
    }

    private final EventIntake intake;
    private final EventSources sources;
    private final BooleanSupplier running;

    DroppedFile(EventIntake intake, EventSources sources, BooleanSupplier running) {
        this.intake = intake;
        this.sources = sources;
        this.running = running;
    }

    Outcome ingest(Path file) throws IOException, InterruptedException {
        String source = SourceKind.FOLDER.source(file.getFileName().toString());
        PartWriter writer = new PartWriter(source);
        try (InputStream in = Files.newInputStream(file)) {
            sources.read(source, in, writer.records, writer);
        }
        writer.rethrow();
        writer.journalPart(Files.size(file));
        if (writer.errors > 0) {
            intake.undecodable(SourceKind.FOLDER, writer.errors);
        }
        if (writer.journaledRecords == 0) {
            return new Outcome(0, writer.firstErrors.isEmpty() ? "no events in the file" : String.join("\n", writer.firstErrors));
        }
        return new Outcome(writer.journaledRecords, null);
    }

    /** Journals, waiting while the journal is full: the file stays in the inbox until its events are durable. */
    private void journal(CheckedBatch batch) throws IOException, InterruptedException {
        long wait = FIRST_WAIT_MILLIS;
        while (true) {
            try {
                intake.journal(SourceKind.FOLDER, List.of(batch));
                return;
            } catch (JournalFullException e) {
                if (!running.getAsBoolean()) {
                    throw new InterruptedException("stopping while the journal is full");
                }
                Thread.sleep(wait);
                wait = Math.min(LONGEST_WAIT_MILLIS, wait * 2);
            }
        }
    }

    /**
     * Collects decoded events into parts and journals each full part. Exceptions cannot leave a
     * listener (the decoder would report them as its own failure), so the first one is kept and
     * rethrown once decoding returns.
     */
    private final class PartWriter implements DecodeListener {
        private final String source;
        final CountingFilter records = new CountingFilter(EventBatchCheck.DETECTED);
        private final List<WindowsEvent> part = new ArrayList<>();
        private final List<String> firstErrors = new ArrayList<>();
        private long errors;
        private long journaledRecords;
        private Exception failure;

        PartWriter(String source) {
            this.source = source;
        }

        @Override
        public void onEvent(WindowsEvent event) {
            if (failure != null) {
                return;
            }
            part.add(event);
            if (part.size() >= PART_EVENTS) {
                try {
                    journalPart(0);
                } catch (IOException | InterruptedException | IllegalArgumentException e) {
                    failure = e;
                }
            }
        }

        @Override
        public void onError(DecodeError error) {
            errors++;
            if (firstErrors.size() < EventBatchCheck.MAX_REPORTED_ERRORS) {
                firstErrors.add(error.toString());
            }
        }

        /**
         * Journals the events collected so far and the records read since the last part, if any.
         *
         * @param fileBytes the file's size with its last part, 0 before, for the ingest metrics
         */
        void journalPart(long fileBytes) throws IOException, InterruptedException {
            long partRecords = records.records() - journaledRecords;
            if (partRecords == 0) {
                return;
            }
            journal(new CheckedBatch(new EventBatch(source, Instant.now(), partRecords, part), fileBytes));
            journaledRecords += partRecords;
            part.clear();
        }

        void rethrow() throws IOException, InterruptedException {
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (failure instanceof IllegalArgumentException tooLarge) {
                throw new IOException(tooLarge.getMessage(), tooLarge);
            }
        }
    }
}
