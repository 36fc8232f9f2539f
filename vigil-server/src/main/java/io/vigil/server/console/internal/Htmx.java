package io.vigil.server.console.internal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * htmx conventions of the console. An htmx request carries {@code HX-Request: true}; a handler answers
 * it with the fragment to swap and answers a plain browser request (the same form without JavaScript)
 * with a redirect or a whole page.
 */
public final class Htmx {

    public static final String REQUEST_HEADER = "HX-Request";

    private Htmx() {
    }

    public static boolean isRequest(HttpServletRequest request) {
        return "true".equals(request.getHeader(REQUEST_HEADER));
    }
}
