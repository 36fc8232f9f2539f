package io.vigil.simulators.core;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON helpers for simulator routes: ordered objects to write, lenient trees to read. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** An ordered JSON object from name/value pairs; null values are written as JSON null. */
    public static Map<String, Object> obj(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** The request body as a JSON tree; an empty body reads as an empty object. */
    public static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (RuntimeException e) {
            throw new SimRequest.BadRequest("The request body is not valid JSON.");
        }
    }

    /** A property looked up ignoring case, as the vendors' .NET model binders do. */
    public static JsonNode property(JsonNode object, String name) {
        for (var e : object.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
