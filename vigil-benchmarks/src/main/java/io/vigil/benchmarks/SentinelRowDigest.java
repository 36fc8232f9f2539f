package io.vigil.benchmarks;

import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.integrations.siem.AlertChange;
import io.vigil.integrations.siem.DeliveryResult;
import io.vigil.integrations.siem.ExportRecord;
import io.vigil.integrations.siem.sentinel.ClientCredential;
import io.vigil.integrations.siem.sentinel.SecurityAlertTable;
import io.vigil.integrations.siem.sentinel.SentinelConfig;
import io.vigil.integrations.siem.sentinel.SentinelExporter;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import io.vigil.model.alert.Severity;
import io.vigil.simulators.sentinel.SentinelOptions;
import io.vigil.simulators.sentinel.SentinelSimulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The SHA-256 of the Sentinel rows the exporter sends for 5,000 varied alerts (quotes, backslashes,
 * control characters, non-ASCII, repeated entities, every severity, status and change), as the
 * stand-in received them: run it once on this tree's class path and once with an older tree's
 * store, integrations and model classes (as {@code scripts/siem-export-compare.sh} builds it) to see
 * that a change to delivery left the rows the same byte for byte, whatever the calls they went in.
 */
public final class SentinelRowDigest {

    private SentinelRowDigest() {
    }

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final int RECORDS = 5_000;

    public static void main(String[] args) throws Exception {
        List<ExportRecord> records = new ArrayList<>();
        for (int n = 0; n < RECORDS; n++) {
            Alert alert = alert(n);
            records.add(new ExportRecord(ExportRecord.rowId(alert.id(), n + 1), alert, AlertChange.values()[n % 3],
                    T0.plusMillis(n * 7L)));
        }
        try (SentinelSimulator sentinel = SentinelSimulator.start(
                SentinelOptions.of(SecurityAlertTable.STREAM, SecurityAlertTable.COLUMNS))) {
            SentinelOptions o = sentinel.sentinelOptions();
            SentinelExporter exporter = new SentinelExporter(SentinelConfig.of(sentinel.authorityUrl(), o.tenantId(),
                    o.clientId(), new ClientCredential.Secret(SecretSupplier.of(SentinelOptions.DEFAULT_CLIENT_SECRET.toCharArray())),
                    sentinel.url(), o.dcrImmutableId(), o.streamName(), "https://vigil.example"));
            for (int from = 0; from < records.size(); from += 2_000) {
                DeliveryResult result = exporter.deliver(records.subList(from, Math.min(records.size(), from + 2_000)));
                if (!result.complete()) {
                    throw new IllegalStateException("not delivered: " + result);
                }
            }
            // the rows of every call, joined as one array's content: equal whatever calls they went in
            ByteArrayOutputStream rows = new ByteArrayOutputStream();
            var calls = sentinel.requestsTo("/streams/" + SecurityAlertTable.STREAM);
            for (var call : calls) {
                byte[] json = new GZIPInputStream(new ByteArrayInputStream(call.rawBody())).readAllBytes();
                if (rows.size() > 0) {
                    rows.write(',');
                }
                rows.write(json, 1, json.length - 2);
            }
            System.out.printf("%d calls, %d rows accepted, %,d bytes of rows, SHA-256 %s%n", calls.size(),
                    sentinel.acceptedRows(), rows.size(),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rows.toByteArray())));
        }
    }

    private static Alert alert(int n) {
        List<Entity> entities = new ArrayList<>(List.of(account(n), new Entity.HostEntity("ws" + n,
                n % 2 == 0 ? "contoso.local" : null), new Entity.IpEntity("10.0.0." + (n % 250))));
        if (n % 5 == 0) {
            entities.add(account(n));   // a repeated entity becomes a $ref
        }
        return new Alert(String.format("load-%08d", n), "brute-force", "2023", n % 7 == 0 ? null : "BruteForceSecurityAlert",
                "Suspected \"Brute\" Force \u00e9 attack \u2013 \\ / \t", Severity.values()[n % Severity.values().length],
                "Password guesses against u" + n + " from 10.0.0." + (n % 250) + "\nline\u0001",
                List.of("Reset the password of \"the\" attacked account", "Check \u65e5\u672c"),
                T0.plusSeconds(n).plusNanos(n % 4 == 0 ? 0 : n * 1000L), T0.plusSeconds(n + 60),
                List.of(MitreTactic.CREDENTIAL_ACCESS, MitreTactic.values()[n % MitreTactic.values().length]),
                List.of(MitreTechnique.of("T1110.003", "Password Spraying"), MitreTechnique.of("T1110", "Brute Force")),
                "CONTOSO\\u" + n, entities, Map.of("ExternalId", "2023", "Z" + (n % 3), "v\"" + n, "A", "<b>"), List.of(), 25,
                AlertStatus.values()[n % AlertStatus.values().length], null);
    }

    private static Entity account(int n) {
        return new Entity.AccountEntity("u" + n, "CONTOSO", n % 3 == 0 ? "S-1-5-21-1-" + n : null);
    }
}
