package io.vigil.integrations.siem.sentinel;

import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * The signed JWT a confidential client sends instead of a secret ({@code client_assertion}, RS256):
 * the certificate named by its SHA-256 thumbprint ({@code x5t#S256}), the token endpoint as audience,
 * the client id as issuer and subject, a fresh {@code jti}, valid for ten minutes.
 */
final class ClientAssertion {

    static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final JsonFactory JSON = new JsonFactory();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private ClientAssertion() {
    }

    static String create(ClientCredential.Certificate credential, String clientId, URI audience, Instant now) {
        try {
            String header = json(g -> {
                g.writeStringProperty("alg", "RS256");
                g.writeStringProperty("typ", "JWT");
                g.writeStringProperty("x5t#S256", B64.encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(credential.certificate().getEncoded())));
            });
            String claims = json(g -> {
                g.writeStringProperty("aud", audience.toString());
                g.writeStringProperty("iss", clientId);
                g.writeStringProperty("sub", clientId);
                g.writeStringProperty("jti", UUID.randomUUID().toString());
                g.writeNumberProperty("nbf", now.getEpochSecond());
                g.writeNumberProperty("iat", now.getEpochSecond());
                g.writeNumberProperty("exp", now.plus(LIFETIME).getEpochSecond());
            });
            String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(credential.privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the client assertion: " + e.getClass().getSimpleName(), e);
        }
    }

    private interface Fields {
        void write(JsonGenerator g) throws GeneralSecurityException;
    }

    private static String json(Fields fields) throws GeneralSecurityException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        }
        return out.toString();
    }
}
