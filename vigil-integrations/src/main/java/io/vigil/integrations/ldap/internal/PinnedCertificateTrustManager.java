package io.vigil.integrations.ldap.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Set;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts a server whose leaf certificate has one of the pinned SHA-256 fingerprints, and no other.
 * Chain and host name are not checked: the pin names the exact certificate, which is how a DC's
 * self-signed certificate is trusted.
 */
public final class PinnedCertificateTrustManager implements X509TrustManager {

    private final Set<String> fingerprints;

    public PinnedCertificateTrustManager(Set<String> lowerCaseHexFingerprints) {
        this.fingerprints = Set.copyOf(lowerCaseHexFingerprints);
    }

    public static String fingerprint(X509Certificate certificate) throws CertificateEncodingException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        String presented = fingerprint(chain[0]);
        if (!fingerprints.contains(presented)) {
            throw new CertificateException("server certificate " + chain[0].getSubjectX500Principal()
                    + " with SHA-256 " + presented + " is not pinned");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
