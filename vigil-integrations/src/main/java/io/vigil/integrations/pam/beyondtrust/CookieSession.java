package io.vigil.integrations.pam.beyondtrust;

import io.vigil.integrations.pam.PamException;
import io.vigil.integrations.pam.PamFailure;
import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.integrations.http.AccessToken;
import io.vigil.integrations.pam.internal.ApiUrl;
import io.vigil.integrations.pam.internal.Authorizer;
import io.vigil.integrations.pam.internal.PamCall;
import io.vigil.integrations.pam.internal.PamHttp;
import io.vigil.integrations.pam.internal.PamResponse;
import io.vigil.integrations.http.RequestBody;
import io.vigil.integrations.pam.internal.TokenEndpoint;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Password Safe session: {@code Auth/SignAppin} answers with a session cookie that every later
 * call carries (and nothing else, as the vendor's own SDK does); 401 means it expired. Cookies are
 * kept here rather than in a cookie jar so a new sign-in replaces them whole.
 */
final class CookieSession implements Authorizer {

    private final PamHttp http;
    private final ApiUrl api;
    private final BeyondTrustAuth auth;
    private String cookies;

    CookieSession(PamHttp http, ApiUrl api, BeyondTrustAuth auth) {
        this.http = http;
        this.api = api;
        this.auth = auth;
    }

    @Override
    public void authorize(HttpRequest.Builder request) {
        request.setHeader("Cookie", cookies());
    }

    @Override
    public boolean isSessionRejected(PamResponse response) {
        return response.status() == 401;
    }

    @Override
    public synchronized void sessionRejected() {
        cookies = null;
    }

    synchronized boolean signedIn() {
        return cookies != null;
    }

    private synchronized String cookies() {
        if (cookies == null) {
            cookies = signAppIn();
        }
        return cookies;
    }

    private String signAppIn() {
        String authorization = authorizationHeader();
        PamCall call = PamCall.post(api.resolve("Auth/SignAppin"), null, PamCall.Retry.IDEMPOTENT)
                .withHeader("Authorization", authorization).asSignIn();
        PamResponse response = http.send(call);
        List<String> pairs = new ArrayList<>();
        for (String setCookie : response.headerValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0].trim();
            int eq = pair.indexOf('=');
            if (eq > 0) {
                http.redactor().register(pair.substring(eq + 1));
                pairs.add(pair);
            }
        }
        if (pairs.isEmpty()) {
            throw new PamException(http.vendor(), PamFailure.PROTOCOL, response.status(),
                    "BeyondTrust signed Vigil in but set no session cookie.");
        }
        return String.join("; ", pairs);
    }

    private String authorizationHeader() {
        if (auth instanceof BeyondTrustAuth.OAuthClient) {
            BeyondTrustAuth.OAuthClient client = (BeyondTrustAuth.OAuthClient) auth;
            char[] secret = client.clientSecret().get();
            try {
                AccessToken token = TokenEndpoint.request(http, api.resolve("Auth/Connect/Token"),
                        RequestBody.form("grant_type", "client_credentials", "client_id", client.clientId(),
                                "client_secret", secret), secret);
                return "Bearer " + token.value();
            } finally {
                SecretSupplier.wipe(secret);
            }
        }
        BeyondTrustAuth.ApiKey apiKey = (BeyondTrustAuth.ApiKey) auth;
        char[] key = apiKey.key().get();
        char[] password = apiKey.runAsPassword() == null ? null : apiKey.runAsPassword().get();
        char[] header = join("PS-Auth key=".toCharArray(), key, ";".toCharArray(),
                apiKey.runAs() == null ? new char[0] : (" runas=" + apiKey.runAs() + ";").toCharArray(),
                password == null ? new char[0] : " pwd=[".toCharArray(), password == null ? new char[0] : password,
                password == null ? new char[0] : "];".toCharArray());
        try {
            // the header has to be a String for HttpClient; the redactor hides it, and the key alone, from messages
            String value = new String(header);
            http.redactor().register(value);
            http.redactor().register(new String(key));
            return value;
        } finally {
            SecretSupplier.wipe(key);
            SecretSupplier.wipe(password);
            SecretSupplier.wipe(header);
        }
    }

    private static char[] join(char[]... parts) {
        char[] out = new char[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (char[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** Ends the session; one try, as the session times out anyway. */
    synchronized void signOut() {
        if (cookies == null) {
            return;
        }
        String ending = cookies;
        cookies = null;
        http.send(PamCall.post(api.resolve("Auth/Signout"), null, PamCall.Retry.ONLY_IF_UNPROCESSED)
                .withHeader("Cookie", ending));
    }

    @Override
    public String toString() {
        return "CookieSession[" + (signedIn() ? "signed in" : "signed out") + "]";
    }
}
