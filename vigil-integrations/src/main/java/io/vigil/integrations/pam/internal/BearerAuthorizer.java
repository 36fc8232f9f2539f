package io.vigil.integrations.pam.internal;

import io.vigil.integrations.http.AccessToken;
import io.vigil.integrations.http.TokenCache;

import java.net.http.HttpRequest;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code Authorization: Bearer <token>}, fetched on first use and again shortly before it expires
 * or when the vendor rejects it.
 */
public final class BearerAuthorizer implements Authorizer {

    private final TokenCache cache;
    private final Set<Integer> rejectedStatuses;

    public BearerAuthorizer(PamHttp http, Supplier<AccessToken> source, Set<Integer> rejectedStatuses) {
        this.cache = new TokenCache(source, http.settings().clock());
        this.rejectedStatuses = Set.copyOf(rejectedStatuses);
    }

    /** The current token, fetching one when there is none or it is about to expire. */
    public AccessToken token() {
        return cache.token();
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
    public void sessionRejected() {
        cache.invalidate();
    }

    public boolean hasToken() {
        return cache.hasToken();
    }

    @Override
    public String toString() {
        return "BearerAuthorizer[****]";
    }
}
