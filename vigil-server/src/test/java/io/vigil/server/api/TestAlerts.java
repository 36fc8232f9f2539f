package io.vigil.server.api;

import io.vigil.model.alert.Alert;
import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Classification;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.Evidence;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import io.vigil.model.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Alerts for seeding the store: one account on one host, with two evidence events inside the alert's span. */
public final class TestAlerts {

    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private TestAlerts() {
    }

    public static Alert alert(String id, String type, Severity severity, Instant start, String account) {
        Instant end = start.plus(Duration.ofMinutes(5));
        return new Alert(id, type, "2410", "KerberoastingSecurityAlert", type + " by " + account, severity,
                "suspicious activity of " + account, List.of("Reset the password of " + account), start, end,
                List.of(MitreTactic.CREDENTIAL_ACCESS), List.of(MitreTechnique.of("T1558.003", "Kerberoasting")),
                "CONTOSO\\" + account,
                List.of(new Entity.AccountEntity(account, "CONTOSO", "S-1-5-21-1-" + account.length()),
                        new Entity.HostEntity("ws-" + account, "contoso.local"), new Entity.IpEntity("10.0.0.7")),
                Map.of("requestedTickets", "5"),
                List.of(new Evidence(start.plusSeconds(60), 4769, "dc01.contoso.local", 2, "test", "ticket 2"),
                        new Evidence(start.plusSeconds(30), 4769, "dc01.contoso.local", 1, "test", "ticket 1")),
                2, AlertStatus.NEW, Classification.UNDETERMINED);
    }
}
