package io.vigil.server.siem;

import io.vigil.server.api.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** PEM certificates and PKCS#8 RSA keys from exporter settings and secrets. */
final class Pem {

    private Pem() {
    }

    static X509Certificate certificate(String field, String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidRequestException(field, field + " is not a PEM X.509 certificate");
        }
    }

    /** An unencrypted PKCS#8 RSA key ({@code -----BEGIN PRIVATE KEY-----}); the chars are not kept. */
    static PrivateKey rsaKey(String field, char[] pem) {
        String text = new String(pem);
        byte[] der = null;
        try {
            String body = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            der = Base64.getDecoder().decode(body);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidRequestException(field, field + " is not an unencrypted PKCS#8 RSA private key in PEM");
        } finally {
            if (der != null) {
                Arrays.fill(der, (byte) 0);
            }
        }
    }

    /** TLS that trusts this one certificate (a private CA or the collector's own). */
    static SSLContext trusting(X509Certificate certificate) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("trusted", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a TLS context: " + e.getClass().getSimpleName(), e);
        }
    }
}
