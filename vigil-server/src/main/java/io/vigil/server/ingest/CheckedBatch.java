package io.vigil.server.ingest;

import io.vigil.ingest.journal.IngestBatch;

/** A batch that decoded cleanly, with the number of events it holds (counted once, when it was checked). */
public record CheckedBatch(IngestBatch batch, long events) {
}
