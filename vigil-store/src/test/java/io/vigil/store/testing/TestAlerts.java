package io.vigil.store.testing;

import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.Evidence;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import io.vigil.model.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Alerts as a detector would emit them, for store tests. */
public final class TestAlerts {

    public static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private TestAlerts() {
    }

    public static Entity.AccountEntity account(String name) {
        return new Entity.AccountEntity(name, "CONTOSO", null);
    }

    public static Entity.HostEntity host(String name) {
        return new Entity.HostEntity(name, "contoso.local");
    }

    public static Entity.IpEntity ip(String address) {
        return new Entity.IpEntity(address);
    }

    public static Evidence evidence(Instant time, long recordId) {
        return new Evidence(time, 4769, "DC01.contoso.local", recordId, "Security.evtx", "TGS request record " + recordId);
    }

    /** A kerberoasting-like alert starting at {@code start}, lasting a minute, with one evidence event per 10 s. */
    public static Alert alert(String id, Severity severity, Instant start, Entity... entities) {
        Instant end = start.plus(Duration.ofMinutes(1));
        return new Alert(id, "kerberoasting", "2410", "KerberoastingSecurityAlert", "Suspected Kerberoasting",
                severity, "Many service tickets requested", List.of("Reset the service account passwords"),
                start, end, List.of(MitreTactic.CREDENTIAL_ACCESS),
                List.of(MitreTechnique.of("T1558.003", "Kerberoasting")),
                entities.length == 0 ? null : entities[0].label(), List.of(entities),
                Map.of("ServiceCount", "12"),
                List.of(evidence(start, 1), evidence(start.plusSeconds(10), 2)), 2, null, null);
    }

    public static Alert withEvidence(Alert alert, Instant end, List<Evidence> evidence, String description) {
        return new Alert(alert.id(), alert.type(), alert.externalId(), alert.alertTypeName(), alert.name(),
                alert.severity(), description, alert.remediationSteps(), alert.startTime(), end, alert.tactics(),
                alert.techniques(), alert.compromisedEntity(), alert.entities(), alert.extendedProperties(),
                evidence, evidence.size(), alert.status(), alert.classification());
    }

    public static Alert ofType(Alert alert, String type) {
        return new Alert(alert.id(), type, alert.externalId(), alert.alertTypeName(), alert.name(),
                alert.severity(), alert.description(), alert.remediationSteps(), alert.startTime(), alert.endTime(),
                alert.tactics(), alert.techniques(), alert.compromisedEntity(), alert.entities(),
                alert.extendedProperties(), alert.evidence(), alert.evidenceCount(), alert.status(), alert.classification());
    }
}
