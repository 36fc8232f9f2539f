package io.vigil.integrations.pam.internal;

import io.vigil.integrations.pam.PamException;
import io.vigil.integrations.pam.PamFailure;
import io.vigil.integrations.pam.PamVendor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tolerant reading of vendor JSON: properties found by exact name first, then ignoring case (the
 * vendors' .NET servers are not consistent about casing), absent and null treated alike.
 */
public final class PamJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private PamJson() {
    }

    public static JsonNode parse(PamVendor vendor, PamCall call, PamResponse response) {
        try {
            return response.body().length == 0 ? MAPPER.missingNode() : MAPPER.readTree(response.body());
        } catch (RuntimeException e) {
            throw new PamException(vendor, PamFailure.PROTOCOL, response.status(),
                    vendor.displayName() + " answered " + call.label() + " with something that is not JSON.");
        }
    }

    /** Parses text that may or may not be JSON; null when it is not. */
    public static JsonNode tryParse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The first of the named properties present and not null, or null. */
    public static JsonNode field(JsonNode node, String... names) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        for (String name : names) {
            for (var e : node.properties()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isNull()) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    /** A property as text (numbers and booleans as written), or null; blank text is null. */
    public static String text(JsonNode node, String... names) {
        JsonNode value = field(node, names);
        if (value == null || value.isContainer()) {
            return null;
        }
        String text = value.isString() ? value.stringValue() : value.asString();
        return text == null || text.isBlank() ? null : text;
    }

    /** A boolean property; strings "true"/"false" are accepted. Null when absent. */
    public static Boolean bool(JsonNode node, String... names) {
        JsonNode value = field(node, names);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isString()) {
            String s = value.stringValue().trim();
            if (s.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (s.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        if (value.isNumber()) {
            return value.asLong() != 0;
        }
        return null;
    }

    public static long number(JsonNode node, long fallback, String... names) {
        JsonNode value = field(node, names);
        if (value == null) {
            return fallback;
        }
        if (value.isNumber()) {
            return value.asLong();
        }
        try {
            return Long.parseLong(value.asString().trim());
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    public static Instant instant(JsonNode node, String... names) {
        return Timestamps.read(field(node, names));
    }

    /** The elements of an array property (or of the node itself when it is the array); empty when absent. */
    public static List<JsonNode> elements(JsonNode node, String... names) {
        JsonNode array = names.length == 0 ? node : field(node, names);
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }
}
