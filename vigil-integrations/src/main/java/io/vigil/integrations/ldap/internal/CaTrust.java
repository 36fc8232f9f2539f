package io.vigil.integrations.ldap.internal;

import io.vigil.model.directory.SyncErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** A trust manager for the CA certificates of a PEM file, with the JDK's chain validation. */
final class CaTrust {

    private CaTrust() {
    }

    static X509TrustManager load(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new SyncFailure(SyncErrorKind.TLS, "no certificate in " + pemFile);
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new SyncFailure(SyncErrorKind.TLS, "the JDK offers no X.509 trust manager");
        } catch (IOException | GeneralSecurityException e) {
            throw new SyncFailure(SyncErrorKind.TLS, "cannot read CA certificates from " + pemFile + ": "
                    + e.getMessage(), e);
        }
    }
}
