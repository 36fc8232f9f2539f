package io.vigil.integrations.ldap;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Which server certificates a TLS connection accepts. */
public sealed interface TlsTrust {

    /**
     * Certificates that chain to one of the CA certificates in this PEM file (e.g. the AD CS root
     * exported as Base-64) and name the host connected to.
     */
    static TlsTrust caCertificates(Path pemFile) {
        return new CaCertificates(pemFile);
    }

    /**
     * Exactly these certificates, by SHA-256 fingerprint of the DER encoding (hex, colons allowed),
     * whatever their chain and names: how to trust a DC's self-signed certificate.
     */
    static TlsTrust pinned(Set<String> sha256Fingerprints) {
        return new PinnedCertificates(sha256Fingerprints);
    }

    record CaCertificates(Path pemFile) implements TlsTrust {
        public CaCertificates {
            Objects.requireNonNull(pemFile, "pemFile");
        }
    }

    record PinnedCertificates(Set<String> sha256Fingerprints) implements TlsTrust {

        private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

        public PinnedCertificates {
            sha256Fingerprints = sha256Fingerprints.stream()
                    .map(f -> f.replace(":", "").strip().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
            if (sha256Fingerprints.isEmpty()) {
                throw new IllegalArgumentException("pin at least one certificate");
            }
            for (String fingerprint : sha256Fingerprints) {
                if (!SHA256_HEX.matcher(fingerprint).matches()) {
                    throw new IllegalArgumentException("not a SHA-256 fingerprint: " + fingerprint);
                }
            }
        }
    }
}
