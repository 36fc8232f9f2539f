package io.vigil.server.ingest.folder;

import io.vigil.model.event.WindowsEvent;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes decoded events as JSON lines in the event-envelope shape the JSON decoder reads back without
 * loss ({@code {"Event":{"System":{…},"EventData":{name: value}}}}): how a file too large for one
 * journal record is journaled in parts.
 */
final class EventEnvelopeLines {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String ATTRIBUTES = "#attributes";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    private long events;

    void add(WindowsEvent event) {
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeName("Event");
            json.writeStartObject();
            json.writeName("System");
            json.writeStartObject();
            attribute(json, "Provider", "Name", event.provider());
            json.writeName("EventID");
            json.writeNumber(event.eventId());
            json.writeName("Version");
            json.writeNumber(event.version());
            text(json, "Channel", event.channel());
            text(json, "Computer", event.computer());
            if (event.time() != null) {
                attribute(json, "TimeCreated", "SystemTime", event.time().toString());
            }
            json.writeName("EventRecordID");
            json.writeNumber(event.recordId());
            json.writeEndObject();
            json.writeName("EventData");
            json.writeStartObject();
            for (Map.Entry<String, String> field : event.data().entrySet()) {
                text(json, field.getKey(), field.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        }
        out.write('\n');
        events++;
    }

    private static void attribute(JsonGenerator json, String element, String attribute, String value) {
        json.writeName(element);
        json.writeStartObject();
        json.writeName(ATTRIBUTES);
        json.writeStartObject();
        text(json, attribute, value);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void text(JsonGenerator json, String name, String value) {
        json.writeName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(value);
        }
    }

    int bytes() {
        return out.size();
    }

    long events() {
        return events;
    }

    /** The lines written so far; the writer starts over empty. */
    byte[] take() {
        byte[] lines = out.toByteArray();
        out.reset();
        events = 0;
        return lines;
    }
}
