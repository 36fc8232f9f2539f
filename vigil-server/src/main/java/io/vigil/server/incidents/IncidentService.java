package io.vigil.server.incidents;

import io.vigil.server.api.TriageAudit;
import io.vigil.server.security.AuditTrail;

import io.vigil.model.alert.Classification;
import io.vigil.model.incident.EntityKey;
import io.vigil.model.incident.Incident;
import io.vigil.model.incident.IncidentStatus;
import io.vigil.server.alerts.AlertSummaryView;
import io.vigil.server.alerts.EntityView;
import io.vigil.server.api.ApiValues;
import io.vigil.server.api.ResourceNotFoundException;
import io.vigil.server.api.TriageChange;
import io.vigil.server.api.Versions;
import io.vigil.server.pam.PasswordResets;
import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import io.vigil.store.VigilDatabase;
import io.vigil.store.alerts.StoredAlert;
import io.vigil.store.incidents.IncidentFilter;
import io.vigil.store.incidents.IncidentTriage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reading and triaging incidents, for the API and the console. */
@Service
public class IncidentService {

    private final VigilDatabase database;
    private final AuditTrail audit;
    private final PasswordResets resets;

    IncidentService(VigilDatabase database, AuditTrail audit, PasswordResets resets) {
        this.database = database;
        this.audit = audit;
        this.resets = resets;
    }

    public Page<Incident> find(IncidentFilter filter, PageRequest page) {
        return database.incidents().find(filter, page);
    }

    public Incident get(String id) {
        return database.incidents().findById(id).orElseThrow(() -> new ResourceNotFoundException("incident", id));
    }

    public IncidentView view(Incident incident) {
        return view(incident, alertsOf(incident));
    }

    /** The incident's alerts, earliest first. */
    public List<StoredAlert> alertsOf(Incident incident) {
        return database.incidents().alertIds(incident.id()).stream()
                .map(database.alerts()::findById).flatMap(Optional::stream).toList();
    }

    /** @param alerts the incident's alerts, as {@link #alertsOf} reads them */
    public IncidentView view(Incident incident, List<StoredAlert> alerts) {
        // the same account or host appears in many alerts; the incident shows it once
        Map<String, EntityView> entities = new LinkedHashMap<>();
        alerts.forEach(a -> a.alert().entities().forEach(e -> entities.putIfAbsent(EntityKey.of(e), EntityView.of(e))));
        return IncidentView.of(incident, alerts.stream().map(AlertSummaryView::of).toList(), List.copyOf(entities.values()),
                resets.forAlerts(alerts.stream().map(StoredAlert::id).toList()));
    }

    public List<TimelineEntryView> timeline(String id) {
        get(id);
        return database.incidents().timeline(id).stream().map(TimelineEntryView::of).toList();
    }

    /** Applies the fields the change carries, if the incident is still at the version the client read. */
    public Incident triage(String id, String ifMatch, TriageChange change) {
        change.check();
        long expected = Versions.expected(ifMatch, change.version());
        Incident current = get(id);
        IncidentStatus status = change.status()
                .map(s -> ApiValues.parse(IncidentStatus.class, "status", s)).orElse(current.status());
        Classification classification = change.classification()
                .map(c -> ApiValues.parse(Classification.class, "classification", c)).orElse(current.classification());
        String assignee = change.assigneeSent() ? change.assignee() : current.assignee();
        Incident updated = database.incidents().updateTriage(id, expected, new IncidentTriage(status, classification, assignee));
        TriageAudit.record(audit, "incident", id, fields(current), fields(updated));
        return updated;
    }

    private static TriageAudit.Fields fields(Incident incident) {
        return new TriageAudit.Fields(incident.status().name(), incident.classification().name(), incident.assignee());
    }
}
