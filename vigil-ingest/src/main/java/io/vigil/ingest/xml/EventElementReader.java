package io.vigil.ingest.xml;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.vigil.model.event.EventOrigin;
import io.vigil.model.event.WindowsEvent;

/**
 * Reads one {@code <Event>} element (the reader positioned on its start tag) into a
 * {@link WindowsEvent}. Elements are matched by local name, whatever their namespace.
 *
 * <p>Fields: {@code <Data Name="X">} → X; a {@code <Data>} without a Name (classic providers such as
 * Service Control Manager's older events) → {@code Param1}, {@code Param2}, … in order, after the
 * {@code %1}, {@code %2} insertion strings they fill in the message; {@code <Binary>} → Binary. In
 * {@code <UserData>}, the fields are the child elements of its single child, by local name (first
 * wins when a name repeats), with nested elements' text concatenated. RenderingInfo and anything
 * else is skipped.
 */
final class EventElementReader {

    static final int MAX_DEPTH = 32;

    private EventElementReader() {
    }

    static WindowsEvent read(XMLStreamReader reader, EventOrigin origin) throws XMLStreamException, InvalidEventException {
        Header header = new Header();
        Map<String, String> data = new LinkedHashMap<>();
        int depth = 1;
        while (depth > 0) {
            int type = reader.next();
            if (type == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (type == XMLStreamConstants.START_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "System" -> readSystem(reader, header);
                    case "EventData" -> readEventData(reader, data);
                    case "UserData" -> readUserData(reader, data);
                    default -> skipElement(reader);
                }
            }
        }
        if (header.eventId < 0) {
            throw new InvalidEventException("event has no numeric EventID");
        }
        if (header.time == null) {
            throw new InvalidEventException("event has no valid TimeCreated/@SystemTime");
        }
        return new WindowsEvent(header.provider, header.channel, header.eventId, header.version, header.computer,
                header.time, header.recordId, data, origin);
    }

    /** Reads the children of an {@code <EventData>} element (the reader on its start tag). */
    static void readEventData(XMLStreamReader reader, Map<String, String> data) throws XMLStreamException {
        int unnamed = 0;
        while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String element = reader.getLocalName();
            String name = element.equals("Data") ? reader.getAttributeValue(null, "Name") : element;
            if (name == null) {
                name = "Param" + (++unnamed);
            }
            data.put(name, text(reader));
        }
    }

    private static void readUserData(XMLStreamReader reader, Map<String, String> data) throws XMLStreamException {
        while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
            while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                String value = text(reader);
                data.putIfAbsent(name, value);
            }
        }
    }

    private static void readSystem(XMLStreamReader reader, Header header) throws XMLStreamException {
        while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (reader.getLocalName()) {
                case "Provider" -> {
                    String name = reader.getAttributeValue(null, "Name");
                    header.provider = name != null ? name : reader.getAttributeValue(null, "EventSourceName");
                    skipElement(reader);
                }
                case "TimeCreated" -> {
                    header.time = instant(reader.getAttributeValue(null, "SystemTime"));
                    skipElement(reader);
                }
                case "EventID" -> header.eventId = number(text(reader));
                case "Version" -> header.version = Math.max(0, number(text(reader)));
                case "Channel" -> header.channel = text(reader);
                case "Computer" -> header.computer = text(reader);
                case "EventRecordID" -> header.recordId = io.vigil.ingest.decode.WindowsNumbers.parse(text(reader));
                default -> skipElement(reader);
            }
        }
    }

    /** The text inside the current element, including nested elements' text; leaves the reader on its end tag. */
    static String text(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = null;
        String single = "";
        int depth = 1;
        while (depth > 0) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++depth > MAX_DEPTH) {
                        throw new XMLStreamException("elements nested deeper than " + MAX_DEPTH, reader.getLocation());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (single.isEmpty() && text == null) {
                        single = reader.getText();
                    } else {
                        if (text == null) {
                            text = new StringBuilder(single);
                        }
                        text.append(reader.getText());
                    }
                }
                default -> {
                }
            }
        }
        return text != null ? text.toString() : single;
    }

    static void skipElement(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int type = reader.next();
            if (type == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
                throw new XMLStreamException("elements nested deeper than " + MAX_DEPTH, reader.getLocation());
            } else if (type == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static int number(String text) {
        return io.vigil.ingest.decode.WindowsNumbers.parseInt(text);
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static final class Header {
        String provider;
        String channel;
        int eventId = -1;
        int version;
        String computer;
        Instant time;
        long recordId = -1;
    }
}
