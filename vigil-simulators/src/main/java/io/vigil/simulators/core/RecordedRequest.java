package io.vigil.simulators.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * One request as a simulator received it, kept so tests can check what a client sent. The body's
 * text is decoded when first asked for: a stand-in under load that reads the raw bytes itself (the
 * Sentinel ingestion endpoint gunzips them) does not pay for a second copy.
 */
public final class RecordedRequest {

    private final String host;
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final byte[] rawBody;
    private volatile String body;

    /**
     * @param host    which of the simulator's hosts answered (e.g. {@code pvwa}, {@code identity})
     * @param headers header names lower-cased
     * @param rawBody the bytes as they came over the wire
     */
    public RecordedRequest(String host, String method, String path, String query, Map<String, List<String>> headers,
                           byte[] rawBody) {
        this.host = host;
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.rawBody = rawBody;
    }

    public RecordedRequest(String host, String method, String path, String query, Map<String, List<String>> headers,
                           String body) {
        this(host, method, path, query, headers, body.getBytes(StandardCharsets.UTF_8));
        this.body = body;
    }

    public String host() {
        return host;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String query() {
        return query;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    public byte[] rawBody() {
        return rawBody;
    }

    /** The body as text, gunzipped when it came with {@code Content-Encoding: gzip} (empty when that gzip is broken). */
    public String body() {
        String text = body;
        if (text == null) {
            text = decode();
            body = text;
        }
        return text;
    }

    private String decode() {
        List<String> encoding = headers.get("content-encoding");
        if (encoding == null || encoding.stream().noneMatch(e -> e.trim().equalsIgnoreCase("gzip"))) {
            return new String(rawBody, StandardCharsets.UTF_8);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(rawBody))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException notGzip) {
            return "";
        }
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
