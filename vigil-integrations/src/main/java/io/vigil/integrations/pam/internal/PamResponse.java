package io.vigil.integrations.pam.internal;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** A vault's answer. */
public record PamResponse(int status, HttpHeaders headers, byte[] body) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** All values of a header, e.g. {@code Set-Cookie}. */
    public java.util.List<String> headerValues(String name) {
        return headers.allValues(name);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
