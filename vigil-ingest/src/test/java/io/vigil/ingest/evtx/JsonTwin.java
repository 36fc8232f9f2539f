package io.vigil.ingest.evtx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON twin of a Sigma regression sample: the events as omerbenamram/evtx's {@code evtx_dump}
 * writes them, one pretty-printed object after the other. Values are kept as the JSON has them:
 * String, its literal text for numbers, Boolean, null, Map and List.
 */
final class JsonTwin {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonTwin() {
    }

    /** Each top-level document's {@code Event} object. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> events(Path file) {
        List<Map<String, Object>> events = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), file)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                Map<String, Object> document = (Map<String, Object>) value(parser, token);
                events.add((Map<String, Object>) document.get("Event"));
            }
        }
        return events;
    }

    private static Object value(JsonParser parser, JsonToken token) {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    object.put(name, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                JsonToken item;
                while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(value(parser, item));
                }
                yield array;
            }
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> parser.getString();
        };
    }
}
