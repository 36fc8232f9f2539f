package io.vigil.simulators.core;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as a simulator received it, kept so tests can check what a client sent.
 *
 * @param host    which of the simulator's hosts answered (e.g. {@code pvwa}, {@code identity})
 * @param headers header names lower-cased
 * @param body    the body as text, gunzipped when it came with {@code Content-Encoding: gzip}
 * @param rawBody the bytes as they came over the wire
 */
public record RecordedRequest(String host, String method, String path, String query,
                              Map<String, List<String>> headers, String body, byte[] rawBody) {

    public RecordedRequest(String host, String method, String path, String query, Map<String, List<String>> headers,
                           String body) {
        this(host, method, path, query, headers, body, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Whether the path ends with the given suffix, ignoring case as the vendors' IIS servers do. */
    public boolean pathEndsWith(String suffix) {
        return path.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query);
    }
}
