package io.vigil.ingest.journal;

import io.vigil.model.event.WindowsEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the server journals per accepted request since format version 2: the events some detector
 * reads, already decoded when the request was checked, and how many records the request held in all.
 * The other records were checked and counted but are not kept: like a sensor's event filter, the
 * server keeps what detection needs, so that nothing is decoded twice and the journal stays small.
 * Encode it with {@link EventBatchCodec}.
 *
 * @param source     where it came from, e.g. {@code http:10.0.0.5} or {@code syslog-tcp:dc01}
 * @param receivedAt when the server received it (wall clock; event time is in the events)
 * @param records    records the request held, kept or not (a batch split over several journal records
 *                   counts them in its first part)
 * @param events     the kept events, in the order they were received
 */
public record EventBatch(String source, Instant receivedAt, long records, List<WindowsEvent> events) {

    public EventBatch {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(receivedAt, "receivedAt");
        events = List.copyOf(events);
    }
}
