package io.vigil.integrations.pam.internal;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code Authorization: Bearer <token>}, fetched on first use and again shortly before it expires
 * or when the vendor rejects it.
 */
public final class BearerAuthorizer implements Authorizer {

    /** Renew this long before expiry, so a token never lapses between the check and the call. */
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final PamHttp http;
    private final Supplier<AccessToken> source;
    private final Set<Integer> rejectedStatuses;
    private AccessToken token;

    public BearerAuthorizer(PamHttp http, Supplier<AccessToken> source, Set<Integer> rejectedStatuses) {
        this.http = http;
        this.source = source;
        this.rejectedStatuses = Set.copyOf(rejectedStatuses);
    }

    /** The current token, fetching one when there is none or it is about to expire. */
    public synchronized AccessToken token() {
        if (token == null || !http.settings().clock().instant().plus(MARGIN).isBefore(token.expiresAt())) {
            token = source.get();
        }
        return token;
    }

    @Override
    public void authorize(HttpRequest.Builder request) {
        request.setHeader("Authorization", "Bearer " + token().value());
    }

    @Override
    public boolean isSessionRejected(PamResponse response) {
        return rejectedStatuses.contains(response.status());
    }

    @Override
    public synchronized void sessionRejected() {
        token = null;
    }

    public synchronized boolean hasToken() {
        return token != null;
    }

    @Override
    public String toString() {
        return "BearerAuthorizer[****]";
    }
}
