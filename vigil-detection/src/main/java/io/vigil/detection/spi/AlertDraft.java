package io.vigil.detection.spi;

import io.vigil.model.alert.Alert;
import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Classification;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.Evidence;
import io.vigil.model.alert.Severity;
import io.vigil.model.identity.Account;
import io.vigil.model.identity.Endpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an {@link Alert} from a detector's descriptor, so every detector fills the Sentinel-shaped
 * fields the same way and only says what is specific to its finding.
 */
public final class AlertDraft {

    private final DetectorDescriptor descriptor;
    private final String id;
    private final Instant start;
    private Instant end;
    private String description = "";
    private String compromised;
    private final Set<Entity> entities = new LinkedHashSet<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<Evidence> evidence = new ArrayList<>();
    private long evidenceCount = -1;
    private Severity severity;

    private AlertDraft(DetectorDescriptor descriptor, String key, Instant windowStart) {
        this.descriptor = descriptor;
        this.id = AlertIds.of(descriptor.id(), key, windowStart);
        this.start = windowStart;
        this.end = windowStart;
        if (descriptor.externalId() != null) {
            properties.put("ExternalId", descriptor.externalId());
        }
        properties.put("DetectorId", descriptor.id());
    }

    public static AlertDraft of(DetectorDescriptor descriptor, String key, Instant windowStart) {
        return new AlertDraft(descriptor, key, windowStart);
    }

    public AlertDraft end(Instant v) {
        this.end = v;
        return this;
    }

    /** Overrides the descriptor's severity for this alert (e.g. raised when an attack succeeded). */
    public AlertDraft severity(Severity v) {
        this.severity = v;
        return this;
    }

    public AlertDraft description(String v) {
        this.description = v;
        return this;
    }

    /** The main entity; defaults to the first account named. */
    public AlertDraft compromised(String label) {
        this.compromised = label;
        return this;
    }

    public AlertDraft account(Account account) {
        if (account != null && account.name() != null) {
            entities.add(new Entity.AccountEntity(account.name(), account.domain(), account.sid()));
        }
        return this;
    }

    public AlertDraft host(String host) {
        if (host != null && !host.isBlank()) {
            int dot = host.indexOf('.');
            entities.add(dot > 0
                    ? new Entity.HostEntity(host.substring(0, dot), host.substring(dot + 1))
                    : new Entity.HostEntity(host, null));
        }
        return this;
    }

    public AlertDraft ip(String address) {
        if (address != null && !address.isBlank()) {
            entities.add(new Entity.IpEntity(address));
        }
        return this;
    }

    public AlertDraft endpoint(Endpoint endpoint) {
        return host(endpoint.host()).ip(endpoint.ip());
    }

    public AlertDraft accounts(Iterable<Account> accounts) {
        accounts.forEach(this::account);
        return this;
    }

    public AlertDraft endpoints(Iterable<Endpoint> endpoints) {
        endpoints.forEach(this::endpoint);
        return this;
    }

    public AlertDraft property(String name, Object value) {
        properties.put(name, String.valueOf(value));
        return this;
    }

    public AlertDraft evidence(List<Evidence> items, long total) {
        evidence.addAll(items);
        evidenceCount = total;
        return this;
    }

    public Alert build() {
        String main = compromised;
        if (main == null) {
            main = entities.stream().findFirst().map(Entity::label).orElse("");
        }
        long count = evidenceCount >= 0 ? evidenceCount : evidence.size();
        properties.put("EvidenceCount", Long.toString(count));
        return new Alert(id, descriptor.id(), descriptor.externalId(), descriptor.alertTypeName(),
                descriptor.title(), severity != null ? severity : descriptor.severity(), description,
                descriptor.remediation() == null ? List.of() : List.of(descriptor.remediation()),
                start, end, descriptor.tactics(), descriptor.techniques(), main, new ArrayList<>(entities),
                properties, evidence, count, AlertStatus.NEW, Classification.UNDETERMINED);
    }
}
