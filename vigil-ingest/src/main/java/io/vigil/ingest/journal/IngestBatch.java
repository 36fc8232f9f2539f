package io.vigil.ingest.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * What servers before journal format version 2 stored per received request: the raw bytes exactly as
 * received (event lines, an event XML document, a syslog datagram) with where and when they came
 * from, decoded on the consumer side. Servers now journal {@link EventBatch}es, decoded once on
 * receipt; this form is still read so that a journal written before an upgrade is replayed.
 * Encode it with {@link IngestBatchCodec}.
 *
 * @param source      where it came from, e.g. {@code http:10.0.0.5} or {@code syslog-tcp:dc01}
 * @param contentType the media type that selects the decoder, e.g. {@code application/x-ndjson}
 * @param receivedAt  when the server received it (wall clock; event time is inside the content)
 * @param content     the received bytes
 */
public record IngestBatch(String source, String contentType, Instant receivedAt, byte[] content) {

    public IngestBatch {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(content, "content");
    }
}
