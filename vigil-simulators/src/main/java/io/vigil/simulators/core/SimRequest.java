package io.vigil.simulators.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/** A received request with its query and form parameters decoded and the route's path groups. */
public final class SimRequest {

    private final RecordedRequest recorded;
    private final Map<String, List<String>> query;
    private Matcher pathMatch;

    SimRequest(RecordedRequest recorded) {
        this.recorded = recorded;
        this.query = decodeForm(recorded.query());
    }

    void matched(Matcher matcher) {
        this.pathMatch = matcher;
    }

    public String method() {
        return recorded.method();
    }

    public String path() {
        return recorded.path();
    }

    public String body() {
        return recorded.body();
    }

    public String header(String name) {
        return recorded.header(name);
    }

    /** The body's bytes as they came over the wire (still compressed, when they were). */
    public byte[] rawBody() {
        return recorded.rawBody();
    }

    /** A capturing group of the route's path pattern. */
    public String pathParam(int group) {
        return pathMatch.group(group);
    }

    /** A query parameter; names compare case-insensitively, as ASP.NET binds them. */
    public String query(String name) {
        List<String> values = queryAll(name);
        return values.isEmpty() ? null : values.get(0);
    }

    public List<String> queryAll(String name) {
        for (var e : query.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return List.of();
    }

    public int queryInt(String name, int fallback) {
        String v = query(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new BadRequest("The value '" + v + "' is not valid for " + name + ".");
        }
    }

    /** The body as {@code application/x-www-form-urlencoded} fields. */
    public Map<String, List<String>> form() {
        return decodeForm(recorded.body());
    }

    public String formValue(String name) {
        List<String> values = form().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The value of the named cookie in the {@code Cookie} header, or null. */
    public String cookie(String name) {
        String header = header("Cookie");
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
                return part.substring(eq + 1).trim();
            }
        }
        return null;
    }

    static Map<String, List<String>> decodeForm(String encoded) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    /** Thrown by handlers for a malformed request; answered 400 in the vendor's error shape. */
    public static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BadRequest(String message) {
            super(message);
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
