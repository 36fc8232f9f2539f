package io.vigil.ingest.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one JSON value from a streaming parser into plain Java values: {@code LinkedHashMap} (member
 * order kept), {@code ArrayList}, {@code String}, {@link JsonNumber}, {@code Boolean} and
 * {@code null}. The total text of one value is capped so a huge document cannot exhaust memory.
 */
final class JsonTreeReader {

    private final long maxChars;
    private long chars;

    JsonTreeReader(long maxChars) {
        this.maxChars = maxChars;
    }

    /** Reads the value whose first token is the parser's current token. */
    Object read(JsonParser parser) throws RecordException {
        chars = 0;
        return value(parser, parser.currentToken());
    }

    private Object value(JsonParser parser, JsonToken token) throws RecordException {
        switch (token) {
            case START_OBJECT:
                return object(parser);
            case START_ARRAY:
                return array(parser);
            case VALUE_STRING:
                return count(parser.getString());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonNumber(count(parser.getString()));
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new RecordException("unexpected JSON token " + token);
        }
    }

    private Map<String, Object> object(JsonParser parser) throws RecordException {
        Map<String, Object> members = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = count(parser.currentName());
            members.put(name, value(parser, parser.nextToken()));
        }
        if (token != JsonToken.END_OBJECT) {
            throw new RecordException("unexpected JSON token " + token + " in object");
        }
        return members;
    }

    private List<Object> array(JsonParser parser) throws RecordException {
        List<Object> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new RecordException("unexpected end of input in array");
            }
            items.add(value(parser, token));
        }
        return items;
    }

    private String count(String text) throws RecordException {
        chars += text.length();
        if (chars > maxChars) {
            throw new RecordException("record larger than " + maxChars + " characters");
        }
        return text;
    }
}
