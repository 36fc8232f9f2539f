package io.vigil.integrations.pam.internal;

import java.net.http.HttpRequest;

/** How a vendor's calls carry its session, and how the vendor says a session is no longer valid. */
public interface Authorizer {

    /** Adds the session (header or cookie) to the request, signing in first when there is none. */
    void authorize(HttpRequest.Builder request);

    /** Whether this answer means the session expired or was dropped (401 for most; Delinea also 403). */
    boolean isSessionRejected(PamResponse response);

    /** Forgets the session so the next {@link #authorize} signs in again. */
    void sessionRejected();
}
