package io.vigil.integrations.siem;

import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import io.vigil.model.alert.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Outbox records for exporter tests. */
public final class ExportRecords {

    public static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private ExportRecords() {
    }

    public static Alert alert(String id, String description) {
        return new Alert(id, "kerberoasting", "2410", "KerberoastingSecurityAlert", "Suspected Kerberos SPN exposure",
                Severity.HIGH, description, List.of("Reset the passwords of the exposed service accounts"),
                T0, T0.plusSeconds(60), List.of(MitreTactic.CREDENTIAL_ACCESS),
                List.of(MitreTechnique.of("T1558.003", "Kerberoasting")), "CONTOSO\\mallory",
                List.of(new Entity.AccountEntity("mallory", "CONTOSO", "S-1-5-21-1-2-3-1104"),
                        new Entity.HostEntity("WS01", "contoso.local"), new Entity.IpEntity("10.0.0.12")),
                Map.of("ExternalId", "2410", "ServiceCount", "12"), List.of(), 12, null, null);
    }

    public static ExportRecord record(int n) {
        return new ExportRecord(ExportRecord.rowId("alert-" + n, n), alert("alert-" + n,
                "mallory requested service tickets for 12 SPNs (#" + n + ")"), AlertChange.NEW, T0.plusSeconds(n));
    }

    public static List<ExportRecord> records(int count) {
        List<ExportRecord> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(record(i));
        }
        return out;
    }
}
