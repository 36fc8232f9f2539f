package io.vigil.simulators.sentinel;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Logs Ingestion body checked against the stream's declaration on the token stream: a JSON array of
 * objects whose every column is declared and holds a value of its type. Read once, without a tree of
 * the call (for a 1 MB call the tree cost more than the checks themselves).
 */
final class IngestionBody {

    /** What the body held: the rows' count and, when kept, their columns; or why Azure would refuse it. */
    record Checked(int rows, List<Map<String, Object>> kept, String problem) {

        static Checked refused(String problem) {
            return new Checked(0, List.of(), problem);
        }
    }

    private final JsonMapper json;
    /** Read one value in the middle of the body (the mapper's own reads insist on the value being all there is). */
    private final ObjectReader anyValue;
    private final ObjectReader valueTree;
    private final Map<String, String> columns;
    private final String streamName;

    IngestionBody(JsonMapper json, Map<String, String> columns, String streamName) {
        this.json = json;
        this.anyValue = json.readerFor(Object.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.valueTree = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.columns = columns;
        this.streamName = streamName;
    }

    /** Checks every row of {@code body}; keeps the rows' columns when {@code keep}. */
    Checked check(byte[] body, boolean keep) {
        return check(body, body.length, keep);
    }

    /** Checks every row of the first {@code length} bytes of {@code body}. */
    Checked check(byte[] body, int length, boolean keep) {
        try (JsonParser p = json.createParser(body, 0, length)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return Checked.refused("The body must be a JSON array of records.");
            }
            List<Map<String, Object>> kept = keep ? new ArrayList<>() : List.of();
            // a datetime text equal to one already valid in this call is valid: TimeGenerated repeats row after row
            Map<String, String> validTimes = new HashMap<>();
            int row = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), row++) {
                if (t != JsonToken.START_OBJECT) {
                    return Checked.refused("Record " + row + " is not a JSON object.");
                }
                Map<String, Object> values = keep ? new LinkedHashMap<>() : null;
                for (String column = p.nextName(); column != null; column = p.nextName()) {
                    String declared = columns.get(column);
                    if (declared == null) {
                        return Checked.refused("Record " + row + ": column '" + column + "' is not declared in stream "
                                + streamName + ".");
                    }
                    JsonToken value = p.nextToken();
                    if (!fits(declared, value, p, column, validTimes)) {
                        return Checked.refused("Record " + row + ": column '" + column + "' of type " + declared
                                + " cannot hold " + valueTree.readValue(p) + ".");
                    }
                    if (keep) {
                        values.put(column, value.isScalarValue() ? scalar(value, p) : anyValue.readValue(p));
                    } else if (value.isStructStart()) {
                        p.skipChildren();
                    }
                }
                if (keep) {
                    kept.add(values);
                }
            }
            if (p.nextToken() != null) {
                return Checked.refused("The body is not valid JSON.");
            }
            return new Checked(row, kept, null);
        } catch (JacksonException e) {
            return Checked.refused("The body is not valid JSON.");
        }
    }

    private static boolean fits(String type, JsonToken value, JsonParser p, String column, Map<String, String> validTimes) {
        if (value == JsonToken.VALUE_NULL) {
            return true;
        }
        return switch (type) {
            case "string" -> value == JsonToken.VALUE_STRING;
            case "boolean" -> value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE;
            case "real" -> value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT;
            case "int", "long" -> value == JsonToken.VALUE_NUMBER_INT;
            case "dynamic" -> true;
            case "datetime" -> value == JsonToken.VALUE_STRING && isDateTime(p.getString(), column, validTimes);
            default -> false;
        };
    }

    private static boolean isDateTime(String text, String column, Map<String, String> validTimes) {
        if (text.equals(validTimes.get(column))) {
            return true;
        }
        try {
            OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return false;
        }
        validTimes.put(column, text);
        return true;
    }

    private static Object scalar(JsonToken value, JsonParser p) {
        return switch (value) {
            case VALUE_STRING -> p.getString();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            default -> null;
        };
    }
}
