package io.vigil.integrations.pam.internal;

import io.vigil.integrations.http.RequestBody;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to a vault: method, URL, body, and what may be done again if it fails. Its
 * {@code toString} is just the method and path, since headers and body may carry credentials.
 */
public final class PamCall {

    /** When a failed call may be sent again. */
    public enum Retry {
        /** Reads, sign-ins and sign-outs: sending twice does no harm, so 429, 5xx and lost connections are retried. */
        IDEMPOTENT,
        /**
         * Changes: retried only when the answer proves the vault did not act on it (429; 401 is
         * handled by signing in again). A 5xx or a lost connection may come after the vault acted,
         * and a second "change now" could rotate the password twice, so those are reported instead.
         */
        ONLY_IF_UNPROCESSED
    }

    private final String method;
    private final URI uri;
    private final Map<String, String> headers;
    private final byte[] body;
    private final Retry retry;
    private final boolean signIn;
    private final char[][] sensitive;

    private PamCall(String method, URI uri, Map<String, String> headers, byte[] body, Retry retry, boolean signIn,
                    char[][] sensitive) {
        this.method = method;
        this.uri = uri;
        this.headers = headers;
        this.body = body;
        this.retry = retry;
        this.signIn = signIn;
        this.sensitive = sensitive;
    }

    public static PamCall get(URI uri) {
        return new PamCall("GET", uri, Map.of("Accept", "application/json"), null, Retry.IDEMPOTENT, false,
                new char[0][]);
    }

    public static PamCall post(URI uri, RequestBody body, Retry retry) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (body != null) {
            headers.put("Content-Type", body.contentType());
        }
        return new PamCall("POST", uri, headers, body == null ? null : body.bytes(), retry, false, new char[0][]);
    }

    public PamCall withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new PamCall(method, uri, copy, body, retry, signIn, sensitive);
    }

    /** Marks a sign-in: a 400, 401 or 403 answer means the credentials were refused. */
    public PamCall asSignIn() {
        return new PamCall(method, uri, headers, body, retry, true, sensitive);
    }

    /** Values to blank out of any error message this call produces (the credentials it carries). */
    public PamCall redacting(char[]... values) {
        return new PamCall(method, uri, headers, body, retry, signIn, values);
    }

    /** Zeroes the body, which may hold credentials; call once the call is done. */
    public void wipe() {
        if (body != null) {
            Arrays.fill(body, (byte) 0);
        }
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    Map<String, String> headers() {
        return headers;
    }

    byte[] body() {
        return body;
    }

    Retry retry() {
        return retry;
    }

    boolean isSignIn() {
        return signIn;
    }

    char[][] sensitive() {
        return sensitive;
    }

    /** {@code GET /PasswordVault/API/Accounts}: what messages name. */
    public String label() {
        return method + " " + uri.getRawPath();
    }

    @Override
    public String toString() {
        return label();
    }
}
