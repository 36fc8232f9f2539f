package io.vigil.integrations.siem.sentinel;

import io.vigil.integrations.http.AccessToken;
import io.vigil.integrations.http.RequestBody;
import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.integrations.siem.DeliveryResult.DeliveryFailure;
import io.vigil.integrations.siem.internal.SiemFailureException;
import io.vigil.integrations.siem.internal.SiemHttp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client-credentials tokens for the Logs Ingestion API from the Microsoft identity platform (v2.0
 * token endpoint, scope {@code https://monitor.azure.com//.default}), signed in with a client secret
 * or a certificate. Failures become {@link SiemFailureException}s: a refused credential is not
 * retryable until someone fixes it, an unreachable or failing platform is.
 */
final class EntraTokenSource implements Supplier<AccessToken> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SentinelConfig config;
    private final SiemHttp http;

    EntraTokenSource(SentinelConfig config, SiemHttp http) {
        this.config = config;
        this.http = http;
    }

    @Override
    public AccessToken get() {
        Instant now = config.clock().instant();
        RequestBody form = form(now);
        try {
            SiemHttp.Answer answer = http.post(config.tokenEndpoint(),
                    Map.of("Content-Type", form.contentType(), "Accept", "application/json"), form.bytes());
            if (!answer.success()) {
                DeliveryFailure failure = http.failure(config.tokenEndpoint(), answer);
                throw new SiemFailureException(new DeliveryFailure(failure.retryable(), failure.retryAfter(),
                        failure.httpStatus(), "Microsoft identity platform refused the sign-in of client " + config.clientId()
                        + " in tenant " + config.tenantId() + ": " + failure.message()));
            }
            JsonNode json = JSON.readTree(answer.body());
            JsonNode token = json.get("access_token");
            if (token == null || !token.isString()) {
                throw new SiemFailureException(DeliveryFailure.permanent(answer.status(),
                        "Microsoft identity platform answered without an access_token."));
            }
            JsonNode expiresIn = json.get("expires_in");
            long seconds = expiresIn == null ? -1 : expiresIn.isNumber() ? expiresIn.asLong() : parse(expiresIn.asString());
            return AccessToken.issued(token.stringValue(), now, seconds);
        } catch (SiemHttp.Unanswered e) {
            throw new SiemFailureException(e.failure());
        } finally {
            Arrays.fill(form.bytes(), (byte) 0);
        }
    }

    private RequestBody form(Instant now) {
        if (config.credential() instanceof ClientCredential.Secret s) {
            char[] secret = s.secret().get();
            try {
                return RequestBody.form("client_id", config.clientId(), "scope", SentinelConfig.SCOPE,
                        "client_secret", secret, "grant_type", "client_credentials");
            } finally {
                SecretSupplier.wipe(secret);
            }
        }
        ClientCredential.Certificate c = (ClientCredential.Certificate) config.credential();
        return RequestBody.form("client_id", config.clientId(), "scope", SentinelConfig.SCOPE,
                "client_assertion_type", ClientAssertion.TYPE,
                "client_assertion", ClientAssertion.create(c, config.clientId(), config.tokenEndpoint(), now),
                "grant_type", "client_credentials");
    }

    private static long parse(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
