package io.vigil.integrations.pam.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/** A vendor API root and the URLs under it, with query values percent-encoded (spaces as %20). */
public final class ApiUrl {

    private final URI base;

    private ApiUrl(URI base) {
        this.base = base;
    }

    /** The root, with a trailing slash added when missing so relative paths land under it. */
    public static ApiUrl of(URI base) {
        String s = base.toString();
        return new ApiUrl(URI.create(s.endsWith("/") ? s : s + "/"));
    }

    public URI base() {
        return base;
    }

    /**
     * {@code relative} under the root, with query pairs; a null value leaves its pair out and a
     * collection value repeats the name.
     */
    public URI resolve(String relative, Object... queryNamesAndValues) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < queryNamesAndValues.length; i += 2) {
            Object value = queryNamesAndValues[i + 1];
            if (value == null) {
                continue;
            }
            Collection<?> values = value instanceof Collection ? (Collection<?>) value : java.util.List.of(value);
            for (Object v : values) {
                query.append(query.length() == 0 ? '?' : '&').append(encode(queryNamesAndValues[i].toString()))
                        .append('=').append(encode(v.toString()));
            }
        }
        return base.resolve(relative + query);
    }

    /** One path segment, encoded. */
    public static String segment(String value) {
        return encode(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
