package io.vigil.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Just enough of an OpenID Connect provider for a sign-in test: discovery, JWKS, and a token endpoint
 * that answers any code with an RS256-signed ID token carrying the claims the test set.
 */
final class OidcProviderStandIn implements AutoCloseable {

    static final String CLIENT_ID = "vigil-console";

    private final HttpServer http;
    private final RSAKey key;
    private volatile Map<String, Object> nextClaims = Map.of();

    OidcProviderStandIn() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("stand-in").generate();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/.well-known/openid-configuration", exchange -> json(exchange, discovery()));
        http.createContext("/jwks", exchange -> json(exchange, new JWKSet(key.toPublicJWK()).toString()));
        http.createContext("/token", this::token);
        http.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** The claims of the next ID token; {@code sub}, {@code iss}, {@code aud}, times and {@code nonce} are added. */
    void nextSignIn(Map<String, Object> claims) {
        nextClaims = claims;
    }

    private volatile String nonce;

    /** The nonce Vigil sent in its authorization request, which the ID token must echo. */
    void nonce(String nonce) {
        this.nonce = nonce;
    }

    private String discovery() {
        String issuer = issuer();
        return """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","profile","email"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic"]}""".formatted(issuer);
    }

    private void token(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("subject-1")
                .audience(CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce);
        nextClaims.forEach(claims::claim);
        try {
            SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            idToken.sign(new RSASSASigner(key));
            json(exchange, "{\"access_token\":\"stand-in-access\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                    + "\"scope\":\"openid profile email\",\"id_token\":\"" + idToken.serialize() + "\"}");
        } catch (JOSEException e) {
            throw new IOException(e);
        }
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
