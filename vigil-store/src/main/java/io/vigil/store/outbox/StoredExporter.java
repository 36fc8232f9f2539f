package io.vigil.store.outbox;

import java.time.Instant;
import java.util.Map;

/**
 * A SIEM exporter's configuration as stored. Settings are the non-secret values (endpoint, ids,
 * transport); secrets live in the secret store under {@code siem/<id>/…}.
 */
public record StoredExporter(String id, String name, String kind, boolean enabled, Map<String, String> settings,
                             Instant createdAt, Instant updatedAt, String updatedBy, long version) {

    public StoredExporter {
        settings = Map.copyOf(settings);
    }
}
