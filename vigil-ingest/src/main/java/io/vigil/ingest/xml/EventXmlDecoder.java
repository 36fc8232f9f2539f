package io.vigil.ingest.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.vigil.ingest.decode.DecodeError;
import io.vigil.ingest.decode.DecodeListener;
import io.vigil.ingest.decode.EventDecoder;
import io.vigil.ingest.decode.EventFilter;
import io.vigil.ingest.source.text.TextEncoding;
import io.vigil.model.event.EventOrigin;
import io.vigil.model.event.WindowsEvent;

/**
 * Windows event XML as Windows renders it (Event Viewer, wevtutil, Get-WinEvent, WEF): one event,
 * many concatenated, or wrapped in {@code <Events>}; UTF-8 or UTF-16 (with a BOM or recognisable
 * by its NUL bytes). Each event is parsed on its own (see {@link EventChunkSplitter}) with a StAX
 * parser that has DTDs and external entities disabled; a malformed event is reported with the line
 * where it starts and the next event is read. Fields are read as {@link EventElementReader} says.
 */
public final class EventXmlDecoder implements EventDecoder {

    public static final String FORMAT = "event-xml";
    public static final int DEFAULT_MAX_EVENT_CHARS = 4 * 1024 * 1024;

    private final int maxEventChars;

    public EventXmlDecoder() {
        this(DEFAULT_MAX_EVENT_CHARS);
    }

    public EventXmlDecoder(int maxEventChars) {
        this.maxEventChars = maxEventChars;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void decode(String source, InputStream input, EventFilter filter, DecodeListener listener)
            throws IOException {
        EventChunkSplitter splitter = new EventChunkSplitter(TextEncoding.detect(input).reader(), maxEventChars);
        boolean anyEvent = false;
        EventChunkSplitter.Chunk chunk;
        while ((chunk = splitter.next()) != null) {
            anyEvent = true;
            switch (chunk.problem()) {
                case TRUNCATED -> listener.onError(DecodeError.atLine(source, chunk.startLine(),
                        "truncated event: <Event> without </Event>"));
                case TOO_LARGE -> listener.onError(DecodeError.atLine(source, chunk.startLine(),
                        "event longer than " + maxEventChars + " characters, skipped"));
                case NONE -> decodeEvent(source, chunk, filter, listener);
            }
        }
        if (!anyEvent) {
            listener.onError(DecodeError.ofSource(source, "no <Event> element found"));
        }
    }

    private static void decodeEvent(String source, EventChunkSplitter.Chunk chunk, EventFilter filter,
            DecodeListener listener) {
        long line = chunk.startLine();
        try {
            XMLStreamReader reader = SecureXml.factory().createXMLStreamReader(new StringReader(chunk.text()));
            try {
                while (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    // the piece starts with its <Event> tag; nothing else precedes it
                }
                WindowsEvent event = EventElementReader.read(reader, new EventOrigin(source, line));
                if (filter.wants(event.channel(), event.eventId())) {
                    listener.onEvent(event);
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            long errorLine = at != null && at.getLineNumber() > 0 ? line + at.getLineNumber() - 1 : line;
            listener.onError(DecodeError.atLine(source, errorLine, "malformed event XML: " + shortMessage(e)));
        } catch (InvalidEventException e) {
            listener.onError(DecodeError.atLine(source, line, e.getMessage()));
        }
    }

    /** The parser's message without the location prefix the JDK puts in front of it. */
    private static String shortMessage(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int marker = message.indexOf("\nMessage: ");
        return marker >= 0 ? message.substring(marker + "\nMessage: ".length()).strip() : message.strip();
    }
}
