package io.vigil.server.console.layout;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page's layout needs, added to the model of every handler under
 * {@code io.vigil.server.console}: the {@link Viewer} and the navigation section to highlight.
 */
@ControllerAdvice(basePackages = "io.vigil.server.console")
class ConsoleModel {

    @ModelAttribute("viewer")
    Viewer viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : Viewer.of(authentication);
    }

    /**
     * {@code {"X-CSRF-TOKEN": "…"}} for the {@code hx-headers} attribute of the page's body, so an htmx
     * request that is not a form (whose hidden {@code _csrf} field already carries the token) passes
     * CSRF protection too.
     */
    @ModelAttribute("csrfHeaders")
    String csrfHeaders(HttpServletRequest request) {
        if (!(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token)) {
            return "{}";
        }
        return "{\"" + json(token.getHeaderName()) + "\":\"" + json(token.getToken()) + "\"}";
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** The first path segment: {@code alerts}, {@code identities}, {@code incidents}, {@code settings}; {@code overview} for {@code /}. */
    @ModelAttribute("section")
    String section(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] segments = path.split("/");
        return segments.length < 2 || segments[1].isEmpty() ? "overview" : segments[1];
    }
}
