package io.vigil.integrations.siem.sentinel;

import io.vigil.integrations.secret.SecretSupplier;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** How Vigil's app registration proves itself to the Microsoft identity platform. */
public sealed interface ClientCredential {

    /** A client secret. */
    record Secret(SecretSupplier secret) implements ClientCredential {
        public Secret {
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "Secret[****]";
        }
    }

    /** A certificate uploaded to the app registration, and its private key (RSA), for a signed client assertion. */
    record Certificate(X509Certificate certificate, PrivateKey privateKey) implements ClientCredential {
        public Certificate {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(privateKey, "privateKey");
        }

        @Override
        public String toString() {
            return "Certificate[" + certificate.getSubjectX500Principal().getName() + ", key ****]";
        }
    }
}
