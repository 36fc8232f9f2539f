package io.vigil.ingest.decode;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes one format into {@link io.vigil.model.event.WindowsEvent}s, streaming: memory stays
 * constant whatever the input size. A decoder never throws for bad content: it reports each bad
 * record to the listener with the source name and line or offset, and goes on with the next one.
 * {@link IOException} is for the stream itself failing (unreadable file, truncated archive).
 */
public interface EventDecoder {

    /** Short format name for summaries, e.g. {@code json-lines}, {@code event-xml}, {@code evtx}. */
    String format();

    /**
     * @param source   the source's name for errors and event origins (file path, {@code a.zip!b.json})
     * @param input    the bytes; the decoder reads but does not close it
     * @param filter   events the caller wants; a decoder may skip building events that fail it
     * @param listener receives events in source order, and errors
     */
    void decode(String source, InputStream input, EventFilter filter, DecodeListener listener) throws IOException;
}
