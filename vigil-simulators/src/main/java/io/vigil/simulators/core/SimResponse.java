package io.vigil.simulators.core;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** What a simulator route answers. */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static SimResponse json(int status, Object value) {
        return new SimResponse(status, contentType("application/json; charset=utf-8"), JSON.writeValueAsBytes(value));
    }

    public static SimResponse text(int status, String text) {
        return new SimResponse(status, contentType("text/plain; charset=utf-8"), text.getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse empty(int status) {
        return new SimResponse(status, new LinkedHashMap<>(), new byte[0]);
    }

    public SimResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SimResponse(status, copy, body);
    }

    private static Map<String, String> contentType(String type) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", type);
        return headers;
    }
}
