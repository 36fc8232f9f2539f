package io.vigil.server.console.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Links to the list page being shown with one query parameter changed and the filters kept: the
 * pager's pages ({@link #offset}) and the sortable column headers ({@link #with}, which goes back to
 * the first page). Links are relative to the server, so they can only ever lead within the console.
 */
public final class QueryLinks {

    private final String path;
    private final String query;

    private QueryLinks(String path, String query) {
        this.path = path;
        this.query = query;
    }

    public static QueryLinks of(HttpServletRequest request) {
        String query = request.getQueryString();
        try {
            UriComponentsBuilder.fromPath("/").query(query).build(true);
        } catch (IllegalArgumentException notEncoded) {
            query = null; // a hand-made URL with raw characters: links start from the unfiltered list
        }
        return new QueryLinks(request.getRequestURI(), query);
    }

    public String offset(int offset) {
        return builder().replaceQueryParam("offset", offset).build(true).toUriString();
    }

    /** The same list with {@code name} set to {@code value} (and, on the first page). */
    public String with(String name, String value) {
        // the kept parameters are still encoded as the browser sent them; only the new value needs it
        return builder().replaceQueryParam("offset").replaceQueryParam(name)
                .queryParam(name, UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8)).build(true).toUriString();
    }

    private UriComponentsBuilder builder() {
        return UriComponentsBuilder.fromPath(path).query(query);
    }
}
