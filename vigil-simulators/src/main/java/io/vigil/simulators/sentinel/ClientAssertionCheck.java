package io.vigil.simulators.sentinel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a client assertion as the identity platform does: RS256 signed by the app's registered
 * certificate (named by {@code x5t#S256} or {@code x5t}), the token endpoint as audience, the client
 * as issuer and subject, not expired. Returns null when valid, else the AADSTS-style reason.
 */
final class ClientAssertionCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    private ClientAssertionCheck() {
    }

    static String problem(String jwt, X509Certificate certificate, String clientId, String tokenEndpoint, Instant now) {
        if (certificate == null) {
            return "AADSTS700027: The application has no certificate registered.";
        }
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return "AADSTS50027: JWT token is invalid or malformed.";
        }
        try {
            JsonNode header = JSON.readTree(B64.decode(parts[0]));
            JsonNode claims = JSON.readTree(B64.decode(parts[1]));
            if (!"RS256".equals(text(header, "alg"))) {
                return "AADSTS5002738: Invalid JWT token. 'RS256' is the only supported algorithm.";
            }
            String s256 = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            String s1 = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
            if (!s256.equals(text(header, "x5t#S256")) && !s1.equals(text(header, "x5t"))) {
                return "AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.";
            }
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(certificate.getPublicKey());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(B64.decode(parts[2]))) {
                return "AADSTS7000274: Signature verification failed for the client assertion.";
            }
            if (!tokenEndpoint.equals(text(claims, "aud"))) {
                return "AADSTS700016: The audience claim of the client assertion does not match the token endpoint.";
            }
            if (!clientId.equals(text(claims, "iss")) || !clientId.equals(text(claims, "sub"))) {
                return "AADSTS700021: Client assertion application identifier doesn't match 'client_id' parameter.";
            }
            JsonNode exp = claims.get("exp");
            if (exp == null || !exp.isNumber() || exp.asLong() <= now.getEpochSecond()) {
                return "AADSTS700024: Client assertion is not within its valid time range.";
            }
            return null;
        } catch (IllegalArgumentException | GeneralSecurityException | tools.jackson.core.JacksonException e) {
            return "AADSTS50027: JWT token is invalid or malformed.";
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isString() ? null : v.stringValue();
    }
}
