package io.vigil.server.siem;

import java.util.Map;

/**
 * What an admin sends to add or change an exporter. {@code secret} is the client secret (Sentinel
 * with a secret), the PKCS#8 PEM private key (Sentinel with a certificate) or the signing secret
 * (webhook); left out on a change, the stored one is kept. It is never returned.
 */
public record SiemExporterRequest(String id, String name, String kind, Boolean enabled, Map<String, String> settings,
                                  String secret, Long version) {

    @Override
    public String toString() {
        return "SiemExporterRequest[id=" + id + ", kind=" + kind + ", secret=" + (secret == null ? "unchanged" : "****") + "]";
    }
}
