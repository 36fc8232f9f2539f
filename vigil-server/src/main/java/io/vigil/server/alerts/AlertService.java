package io.vigil.server.alerts;

import io.vigil.model.audit.AuditOutcome;
import io.vigil.server.api.TriageAudit;
import io.vigil.server.security.AuditTrail;
import io.vigil.server.pam.PasswordResets;
import java.util.List;
import java.util.Map;

import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Classification;
import io.vigil.model.incident.Incident;
import io.vigil.server.api.ApiValues;
import io.vigil.server.api.InvalidRequestException;
import io.vigil.server.api.ResourceNotFoundException;
import io.vigil.server.api.TriageChange;
import io.vigil.server.api.Versions;
import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import io.vigil.store.VigilDatabase;
import io.vigil.store.alerts.AlertComment;
import io.vigil.store.alerts.AlertFilter;
import io.vigil.store.alerts.AlertTriage;
import io.vigil.store.alerts.StoredAlert;
import org.springframework.stereotype.Service;

/** Reading and triaging alerts, for the API and the console. */
@Service
public class AlertService {

    static final int MAX_COMMENT_LENGTH = 10_000;

    private final VigilDatabase database;
    private final AuditTrail audit;
    private final PasswordResets resets;

    AlertService(VigilDatabase database, AuditTrail audit, PasswordResets resets) {
        this.database = database;
        this.audit = audit;
        this.resets = resets;
    }

    /** A page of alerts without their evidence, newest first. */
    public Page<StoredAlert> find(AlertFilter filter, PageRequest page) {
        return database.alerts().findSummaries(filter, page);
    }

    public StoredAlert get(String id) {
        return database.alerts().findById(id).orElseThrow(() -> new ResourceNotFoundException("alert", id));
    }

    public AlertView view(StoredAlert alert) {
        String incidentId = database.incidents().findByAlert(alert.id()).map(Incident::id).orElse(null);
        return AlertView.of(alert, incidentId, database.alerts().comments(alert.id()),
                resets.forAlerts(List.of(alert.id())));
    }

    /** Applies the fields the change carries, if the alert is still at the version the client read. */
    public StoredAlert triage(String id, String ifMatch, TriageChange change) {
        change.check();
        long expected = Versions.expected(ifMatch, change.version());
        StoredAlert current = get(id);
        AlertStatus status = change.status()
                .map(s -> ApiValues.parse(AlertStatus.class, "status", s)).orElse(current.alert().status());
        Classification classification = change.classification()
                .map(c -> ApiValues.parse(Classification.class, "classification", c))
                .orElse(current.alert().classification());
        String assignee = change.assigneeSent() ? change.assignee() : current.assignee();
        StoredAlert updated = database.alerts().updateTriage(id, expected, new AlertTriage(status, classification, assignee));
        TriageAudit.record(audit, "alert", id, fields(current), fields(updated));
        return updated;
    }

    private static TriageAudit.Fields fields(StoredAlert alert) {
        return new TriageAudit.Fields(alert.alert().status().name(), alert.alert().classification().name(),
                alert.assignee());
    }

    public AlertComment comment(String alertId, String author, NewComment comment) {
        String text = comment == null || comment.text() == null ? "" : comment.text().strip();
        if (text.isEmpty()) {
            throw new InvalidRequestException("text", "a comment needs a non-empty text");
        }
        if (text.length() > MAX_COMMENT_LENGTH) {
            throw new InvalidRequestException("text", "a comment may hold at most " + MAX_COMMENT_LENGTH + " characters");
        }
        get(alertId);
        AlertComment added = database.alerts().addComment(alertId, author, text);
        audit.record("alert.comment", "alert " + alertId, AuditOutcome.SUCCESS, Map.of("characters",
                Integer.toString(text.length())));
        return added;
    }
}
