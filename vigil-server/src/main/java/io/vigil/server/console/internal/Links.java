package io.vigil.server.console.internal;

import org.springframework.web.util.UriComponentsBuilder;

/** Console paths built in Java, with their variables encoded as {@code @{…}} in a template would. */
public final class Links {

    private Links() {
    }

    /** {@code path("/alerts/{id}/triage", id)}. */
    public static String path(String template, Object... variables) {
        return UriComponentsBuilder.fromPath(template).buildAndExpand(variables).encode().toUriString();
    }
}
