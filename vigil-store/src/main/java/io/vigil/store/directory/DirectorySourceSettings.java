package io.vigil.store.directory;

import java.util.List;
import java.util.Objects;

/**
 * How to reach one domain, as stored; the bind password is not part of it (it is in the secret store).
 *
 * @param security   {@code PLAIN}, {@code LDAPS} or {@code START_TLS}
 * @param trustKind  {@code NONE}, {@code CA_FILE} or {@code PINNED}
 * @param trustValue the CA file path, or the pinned SHA-256 fingerprints comma-separated; null for NONE
 */
public record DirectorySourceSettings(String domain, List<String> hosts, int port, String security,
                                      String trustKind, String trustValue, String baseDn, String bindDn,
                                      boolean enabled, int pageSize) {

    public DirectorySourceSettings {
        Objects.requireNonNull(domain, "domain");
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(trustKind, "trustKind");
        Objects.requireNonNull(baseDn, "baseDn");
        Objects.requireNonNull(bindDn, "bindDn");
    }
}
