package io.vigil.server.ingest.folder;

import io.vigil.ingest.decode.DecodeError;
import io.vigil.ingest.decode.DecodeListener;
import io.vigil.ingest.decode.EventFilter;
import io.vigil.ingest.journal.IngestBatch;
import io.vigil.ingest.journal.JournalFullException;
import io.vigil.ingest.source.EventSources;
import io.vigil.ingest.source.FormatSniffer;
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
 * Journals one dropped file. A file that fits one journal record (16 MiB less a little) is journaled
 * as received, whatever its format (EVTX, XML, JSON lines, zip, gzip), so a decoder fix can be
 * replayed over it. A larger file is decoded here and journaled in parts of re-encoded JSON lines
 * (see {@link EventEnvelopeLines}); should the server stop half way, the file is read again from the
 * start on restart and its first parts are journaled twice, which alert ids make harmless. A file
 * from which no event can be decoded is refused; one with some undecodable records is journaled
 * and the bad records are counted.
 */
final class DroppedFile {

    /** Parts of a large file are cut at about this size. */
    static final int PART_BYTES = 8 << 20;
    private static final long FIRST_WAIT_MILLIS = 100;
    private static final long LONGEST_WAIT_MILLIS = 2_000;

    /** Why a file could not be ingested, or null when it was. */
    record Outcome(long events, String failure) {
    }

    private final EventIntake intake;
    private final EventSources sources;
    private final BooleanSupplier running;
    private final FormatSniffer sniffer = new FormatSniffer();

    DroppedFile(EventIntake intake, EventSources sources, BooleanSupplier running) {
        this.intake = intake;
        this.sources = sources;
        this.running = running;
    }

    Outcome ingest(Path file) throws IOException, InterruptedException {
        String source = SourceKind.FOLDER.source(file.getFileName().toString());
        return Files.size(file) <= intake.maxBatchBytes() ? whole(file, source) : inParts(file, source);
    }

    private Outcome whole(Path file, String source) throws IOException, InterruptedException {
        byte[] content = Files.readAllBytes(file);
        EventBatchCheck.Result checked = intake.check(SourceKind.FOLDER, source, content);
        if (checked.events() == 0) {
            return new Outcome(0, checked.errors() == 0 ? "no events in the file" : String.join("\n", checked.firstErrors()));
        }
        String type = contentType(content);
        journal(new CheckedBatch(new IngestBatch(source, type, Instant.now(), content), checked.events()));
        return new Outcome(checked.events(), null);
    }

    private Outcome inParts(Path file, String source) throws IOException, InterruptedException {
        EventEnvelopeLines part = new EventEnvelopeLines();
        PartWriter writer = new PartWriter(source, part);
        try (InputStream in = Files.newInputStream(file)) {
            sources.read(source, in, EventFilter.ALL, writer);
        }
        writer.rethrow();
        if (part.events() > 0) {
            writer.journalPart();
        }
        if (writer.errors > 0) {
            intake.undecodable(SourceKind.FOLDER, writer.errors);
        }
        if (writer.journaled == 0) {
            return new Outcome(0, writer.firstErrors.isEmpty() ? "no events in the file" : String.join("\n", writer.firstErrors));
        }
        return new Outcome(writer.journaled, null);
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

    private String contentType(byte[] content) {
        return switch (sniffer.sniff(content, Math.min(content.length, FormatSniffer.PEEK_BYTES))) {
            case EVTX -> "application/x-evtx";
            case EVENT_XML -> "application/xml";
            case ZIP -> "application/zip";
            case GZIP -> "application/gzip";
            case TAR -> "application/x-tar";
            default -> "application/x-ndjson";
        };
    }

    /**
     * Collects decoded events into parts and journals each full part. Exceptions cannot leave a
     * listener (the decoder would report them as its own failure), so the first one is kept and
     * rethrown once decoding returns.
     */
    private final class PartWriter implements DecodeListener {
        private final String source;
        private final EventEnvelopeLines part;
        private final List<String> firstErrors = new ArrayList<>();
        private long errors;
        private long journaled;
        private Exception failure;

        PartWriter(String source, EventEnvelopeLines part) {
            this.source = source;
            this.part = part;
        }

        @Override
        public void onEvent(WindowsEvent event) {
            if (failure != null) {
                return;
            }
            part.add(event);
            if (part.bytes() >= PART_BYTES) {
                try {
                    journalPart();
                } catch (IOException | InterruptedException e) {
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

        void journalPart() throws IOException, InterruptedException {
            long events = part.events();
            journal(new CheckedBatch(new IngestBatch(source, "application/x-ndjson", Instant.now(), part.take()), events));
            journaled += events;
        }

        void rethrow() throws IOException, InterruptedException {
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof InterruptedException interrupted) {
                throw interrupted;
            }
        }
    }
}
