package io.vigil.server.directory;

import java.util.List;

/**
 * A directory source as an administrator sends it. {@code password} is write-only: required when
 * creating, optional when replacing (absent keeps the stored one), never returned.
 *
 * @param security           {@code ldaps} (default), {@code start_tls} or {@code plain} (labs only)
 * @param caFile             PEM file of the CA certificates to trust, on the server's disk
 * @param pinnedCertificates SHA-256 fingerprints of the DCs' certificates, instead of a CA file
 * @param port               default 636 for LDAPS, 389 otherwise
 * @param pageSize           entries per page, default 500
 */
public record DirectorySourceRequest(String domain, List<String> hosts, Integer port, String security, String caFile,
                              List<String> pinnedCertificates, String baseDn, String bindDn, char[] password,
                              Boolean enabled, Integer pageSize) {

    @Override
    public String toString() {
        return "DirectorySourceRequest[domain=" + domain + ", hosts=" + hosts + ", bindDn=" + bindDn + "]";
    }
}
