package io.vigil.server.ingest;

import io.vigil.ingest.journal.EventBatch;

/**
 * A batch that decoded cleanly: the events kept for detection and the count of all it held.
 *
 * @param receivedBytes the size of what was received, for the ingest metrics
 */
public record CheckedBatch(EventBatch batch, long receivedBytes) {

    public long events() {
        return batch.records();
    }
}
