package io.vigil.integrations.pam.internal;

import io.vigil.integrations.http.RequestBody;

import io.vigil.integrations.http.AccessToken;

import io.vigil.integrations.pam.PamException;
import io.vigil.integrations.pam.PamFailure;
import java.net.URI;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** OAuth-style token requests (client credentials or password grant) shared by the vendors. */
public final class TokenEndpoint {

    private TokenEndpoint() {
    }

    /**
     * Posts the form and reads {@code access_token} and {@code expires_in}. The form's bytes are
     * wiped afterwards; {@code sensitive} are blanked out of any error message.
     */
    public static AccessToken request(PamHttp http, URI uri, RequestBody form, char[]... sensitive) {
        PamCall call = PamCall.post(uri, form, PamCall.Retry.IDEMPOTENT).asSignIn().redacting(sensitive);
        try {
            PamResponse response = http.send(call);
            Instant issued = http.settings().clock().instant();
            JsonNode json = PamJson.parse(http.vendor(), call, response);
            String token = PamJson.text(json, "access_token");
            if (token == null) {
                throw new PamException(http.vendor(), PamFailure.PROTOCOL, response.status(),
                        http.vendor().displayName() + " answered " + call.label() + " without an access_token.");
            }
            http.redactor().register(token);
            long seconds = PamJson.number(json, -1, "expires_in");
            return AccessToken.issued(token, issued, seconds);
        } finally {
            call.wipe();
        }
    }
}
