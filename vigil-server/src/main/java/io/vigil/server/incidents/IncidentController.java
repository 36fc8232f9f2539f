package io.vigil.server.incidents;

import io.vigil.model.alert.Severity;
import io.vigil.model.incident.Incident;
import io.vigil.model.incident.IncidentStatus;
import io.vigil.server.api.ApiValues;
import io.vigil.server.api.PageView;
import io.vigil.server.api.Paging;
import io.vigil.server.api.TriageChange;
import io.vigil.server.api.Versions;
import io.vigil.server.security.OperatorAccess;
import io.vigil.server.security.ReaderAccess;
import io.vigil.store.incidents.IncidentFilter;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/incidents}: alerts grouped by shared entity into one story; operators triage them. */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

    private final IncidentService incidents;

    IncidentController(IncidentService incidents) {
        this.incidents = incidents;
    }

    /**
     * Incidents, most recently active first. {@code status} ({@code new}, {@code active}, {@code closed})
     * and {@code severity} take several values; {@code assignee} is exact; {@code from}/{@code to} keep
     * incidents active at or after / starting before a time; {@code entity} is part of an entity key.
     */
    @GetMapping
    @ReaderAccess
    PageView<IncidentSummaryView> list(@RequestParam(name = "offset", defaultValue = Paging.DEFAULT_OFFSET) int offset,
                                       @RequestParam(name = "limit", defaultValue = Paging.DEFAULT_LIMIT) int limit,
                                       @RequestParam(name = "status", required = false) List<String> status,
                                       @RequestParam(name = "severity", required = false) List<String> severity,
                                       @RequestParam(name = "assignee", required = false) String assignee,
                                       @RequestParam(name = "from", required = false) Instant from,
                                       @RequestParam(name = "to", required = false) Instant to,
                                       @RequestParam(name = "entity", required = false) String entity) {
        var page = Paging.of(offset, limit);
        IncidentFilter filter = new IncidentFilter(ApiValues.parseAll(IncidentStatus.class, "status", status),
                ApiValues.parseAll(Severity.class, "severity", severity),
                assignee == null || assignee.isBlank() ? null : assignee.strip(), from, to, entity);
        return PageView.of(incidents.find(filter, page), IncidentSummaryView::of);
    }

    @GetMapping("/{id}")
    @ReaderAccess
    ResponseEntity<IncidentView> get(@PathVariable("id") String id) {
        return withVersion(incidents.get(id));
    }

    /** Its alerts and their evidence events in time order; at equal times an alert precedes its events. */
    @GetMapping("/{id}/timeline")
    @ReaderAccess
    PageView<TimelineEntryView> timeline(@PathVariable("id") String id,
                                         @RequestParam(name = "offset", defaultValue = Paging.DEFAULT_OFFSET) int offset,
                                         @RequestParam(name = "limit", defaultValue = Paging.DEFAULT_LIMIT) int limit) {
        var page = Paging.of(offset, limit);
        return PageView.slice(incidents.timeline(id), page);
    }

    /**
     * Changes status ({@code new}, {@code active}, {@code closed}), classification and assignee
     * ({@code null} unassigns), guarded by If-Match or {@code version} like alerts.
     */
    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @OperatorAccess
    ResponseEntity<IncidentView> triage(@PathVariable("id") String id,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                        @RequestBody TriageChange change) {
        return withVersion(incidents.triage(id, ifMatch, change));
    }

    private ResponseEntity<IncidentView> withVersion(Incident incident) {
        return ResponseEntity.ok().eTag(Versions.etag(incident.version())).body(incidents.view(incident));
    }
}
