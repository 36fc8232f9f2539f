package io.vigil.server.siem;

import io.vigil.integrations.siem.AlertChange;
import io.vigil.integrations.siem.DeliveryResult;
import io.vigil.integrations.siem.ExportRecord;
import io.vigil.integrations.siem.SiemExporter;
import io.vigil.integrations.siem.SiemKind;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.Severity;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.server.api.InvalidRequestException;
import io.vigil.server.api.ResourceNotFoundException;
import io.vigil.server.api.Versions;
import io.vigil.server.security.AuditTrail;
import io.vigil.store.VigilDatabase;
import io.vigil.store.outbox.Backlog;
import io.vigil.store.outbox.DeliveryStatus;
import io.vigil.store.outbox.StoredExporter;
import io.vigil.store.secrets.SecretStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** Settings > Integrations > SIEM: exporters configured, tested and watched; every change audited, secrets never shown. */
@Service
public class SiemExporterService {

    static final String CREATE = "siem.exporter.create";
    static final String UPDATE = "siem.exporter.update";
    static final String DELETE = "siem.exporter.delete";
    static final String TEST = "siem.exporter.test";
    private static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    private final VigilDatabase database;
    private final SecretStore secrets;
    private final SiemDelivery delivery;
    private final ExporterFactory factory;
    private final AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    SiemExporterService(VigilDatabase database, SecretStore secrets, SiemDelivery delivery, ExporterFactory factory,
                        AuditTrail audit) {
        this.database = database;
        this.secrets = secrets;
        this.delivery = delivery;
        this.factory = factory;
        this.audit = audit;
    }

    public List<SiemExporterView> list() {
        return database.siemExporters().list().stream().map(this::view).toList();
    }

    public SiemExporterView get(String id) {
        return view(find(id));
    }

    public SiemExporterView create(SiemExporterRequest request, String user) {
        if (request == null || request.id() == null || !request.id().matches(ID_PATTERN)) {
            throw new InvalidRequestException("id", "id is 1 to 63 lower-case letters, digits and dashes");
        }
        SiemKind kind = ExporterSettings.kind(request.kind());
        Map<String, String> settings = ExporterSettings.check(kind, request.settings());
        String secretName = ExporterSettings.secretName(request.id(), kind, settings);
        if (secretName != null && (request.secret() == null || request.secret().isBlank())) {
            throw new InvalidRequestException("secret", kind + " needs a secret");
        }
        if (database.siemExporters().findById(request.id()).isPresent()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "SIEM exporter " + request.id() + " already exists");
        }
        StoredExporter stored = database.siemExporters().create(request.id(), name(request), kind.name(),
                request.enabled() == null || request.enabled(), settings, user);
        storeSecret(secretName, request.secret());
        audit.record(CREATE, stored.id(), AuditOutcome.SUCCESS, details(stored, request.secret() != null));
        delivery.restart(stored.id());
        return view(stored);
    }

    public SiemExporterView update(String id, String ifMatch, SiemExporterRequest request, String user) {
        StoredExporter current = find(id);
        long expected = Versions.expected(ifMatch, request.version());
        SiemKind kind = SiemKind.valueOf(current.kind());
        if (request.kind() != null && ExporterSettings.kind(request.kind()) != kind) {
            throw new InvalidRequestException("kind", "the kind of an exporter cannot change; add a new one");
        }
        Map<String, String> settings = ExporterSettings.check(kind, request.settings() == null ? current.settings()
                : request.settings());
        String oldSecret = ExporterSettings.secretName(id, kind, current.settings());
        String newSecret = ExporterSettings.secretName(id, kind, settings);
        boolean secretGiven = request.secret() != null && !request.secret().isBlank();
        if (newSecret != null && !secretGiven && !secrets.exists(newSecret)) {
            throw new InvalidRequestException("secret", "this credential needs its secret");
        }
        StoredExporter updated = database.siemExporters().update(id, expected,
                request.name() == null ? current.name() : request.name(),
                request.enabled() == null ? current.enabled() : request.enabled(), settings, user);
        if (secretGiven) {
            storeSecret(newSecret, request.secret());
        }
        if (oldSecret != null && !oldSecret.equals(newSecret)) {
            secrets.delete(oldSecret);
        }
        Map<String, String> details = details(updated, secretGiven);
        details.put("before", describe(current));
        audit.record(UPDATE, id, AuditOutcome.SUCCESS, details);
        delivery.restart(id);
        return view(updated);
    }

    public void delete(String id) {
        StoredExporter current = find(id);
        delivery.stop(id);
        database.siemExporters().delete(id);
        secrets.names("siem/" + id + "/").forEach(secrets::delete);
        audit.record(DELETE, id, AuditOutcome.SUCCESS, Map.of("kind", current.kind(), "name", current.name()));
    }

    /** Sends one synthetic alert straight to the SIEM (not through the outbox) and says what happened. */
    public TestDeliveryView test(String id) {
        StoredExporter stored = find(id);
        String alertId = "vigil-test-" + UUID.randomUUID();
        Instant now = clock.instant();
        Alert alert = new Alert(alertId, "vigil-test", null, "VigilTestAlert", "Vigil test alert", Severity.INFORMATIONAL,
                "A test alert sent from Settings > Integrations > SIEM to check the connection. No action is needed.",
                List.of("None: this is a test."), now, now, List.of(), List.of(), "vigil-test",
                List.of(new Entity.AccountEntity("vigil-test", "VIGIL", null)), Map.of("Test", "true"), List.of(), 0,
                null, null);
        ExportRecord record = new ExportRecord(alertId + ":test", alert, AlertChange.TEST, now);
        DeliveryResult result;
        try (SiemExporter exporter = factory.create(stored)) {
            result = exporter.deliver(List.of(record));
        } catch (RuntimeException e) {
            result = DeliveryResult.partial(0, io.vigil.integrations.siem.DeliveryResult.DeliveryFailure.permanent(0,
                    "Cannot build the exporter: " + e.getMessage()));
        }
        TestDeliveryView outcome = result.complete()
                ? new TestDeliveryView(true, record.rowId(), 0, "The SIEM accepted the test alert.")
                : new TestDeliveryView(false, record.rowId(), result.failure().httpStatus(), result.failure().message());
        audit.record(TEST, id, outcome.delivered() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                Map.of("rowId", record.rowId(), "message", outcome.message()));
        return outcome;
    }

    public DeliveryStatusView status(String id) {
        find(id);
        return statusOf(id);
    }

    private DeliveryStatusView statusOf(String id) {
        DeliveryStatus s = database.outbox().status(id);
        Backlog backlog = database.outbox().backlog(id);
        long lag = backlog.oldest() == null ? 0 : Math.max(0, Duration.between(backlog.oldest(), clock.instant()).toSeconds());
        return new DeliveryStatusView(delivery.isRunning(id), s.delivered(), backlog.count(), lag, backlog.oldest(),
                s.lastDeliveredAt(), s.lastAttemptAt(), s.failures(), s.lastError(), s.lastErrorAt(), s.nextAttemptAt());
    }

    private SiemExporterView view(StoredExporter e) {
        String secretName = ExporterSettings.secretName(e.id(), SiemKind.valueOf(e.kind()), e.settings());
        return new SiemExporterView(e.id(), e.name(), e.kind(), e.enabled(), e.settings(),
                secretName != null && secrets.exists(secretName), e.version(), e.updatedAt(), e.updatedBy(), statusOf(e.id()));
    }

    private StoredExporter find(String id) {
        return database.siemExporters().findById(id).orElseThrow(() -> new ResourceNotFoundException("SIEM exporter", id));
    }

    private void storeSecret(String name, String value) {
        if (name == null || value == null) {
            return;
        }
        char[] chars = value.toCharArray();
        try {
            secrets.put(name, chars);
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
    }

    private static String name(SiemExporterRequest request) {
        return request.name() == null || request.name().isBlank() ? request.id() : request.name().strip();
    }

    private static Map<String, String> details(StoredExporter e, boolean secretChanged) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("after", describe(e));
        details.put("secretChanged", Boolean.toString(secretChanged));
        return details;
    }

    /** Settings for the audit log: names and values, certificates shortened; never secrets (they are not in settings). */
    private static String describe(StoredExporter e) {
        Map<String, String> shown = new LinkedHashMap<>();
        e.settings().forEach((k, v) -> shown.put(k, v.length() > 80 ? v.substring(0, 40) + "…" : v));
        return e.kind() + " " + e.name() + " enabled=" + e.enabled() + " " + shown;
    }
}
