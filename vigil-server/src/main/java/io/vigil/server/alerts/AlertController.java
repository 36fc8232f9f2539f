package io.vigil.server.alerts;

import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Severity;
import io.vigil.server.api.ApiValues;
import io.vigil.server.api.PageView;
import io.vigil.server.api.Paging;
import io.vigil.server.api.TriageChange;
import io.vigil.server.api.Versions;
import io.vigil.server.security.OperatorAccess;
import io.vigil.server.security.ReaderAccess;
import io.vigil.store.alerts.AlertFilter;
import io.vigil.store.alerts.StoredAlert;
import java.security.Principal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/alerts}: list and read alerts; operators triage and comment on them. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    private final AlertService alerts;

    AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    /**
     * Alerts newest first. {@code status} and {@code severity} take several values (repeated or
     * comma-separated); {@code type} and {@code detector} both name detector ids; {@code from}/{@code to}
     * keep alerts active at or after / started before a time; {@code entity} is a case-insensitive
     * part of an entity (account, host or address).
     */
    @GetMapping
    @ReaderAccess
    PageView<AlertSummaryView> list(@RequestParam(name = "offset", defaultValue = Paging.DEFAULT_OFFSET) int offset,
                                    @RequestParam(name = "limit", defaultValue = Paging.DEFAULT_LIMIT) int limit,
                                    @RequestParam(name = "status", required = false) List<String> status,
                                    @RequestParam(name = "severity", required = false) List<String> severity,
                                    @RequestParam(name = "type", required = false) List<String> type,
                                    @RequestParam(name = "detector", required = false) List<String> detector,
                                    @RequestParam(name = "from", required = false) Instant from,
                                    @RequestParam(name = "to", required = false) Instant to,
                                    @RequestParam(name = "entity", required = false) String entity) {
        var page = Paging.of(offset, limit);
        Set<String> types = new HashSet<>();
        if (type != null) {
            types.addAll(type);
        }
        if (detector != null) {
            types.addAll(detector);
        }
        types.removeIf(String::isBlank);
        AlertFilter filter = new AlertFilter(ApiValues.parseAll(AlertStatus.class, "status", status),
                ApiValues.parseAll(Severity.class, "severity", severity), types, from, to, entity);
        return PageView.of(alerts.find(filter, page), AlertSummaryView::of);
    }

    @GetMapping("/{id}")
    @ReaderAccess
    ResponseEntity<AlertView> get(@PathVariable("id") String id) {
        return withVersion(alerts.get(id));
    }

    /**
     * Changes status ({@code new}, {@code in_progress}, {@code resolved}), classification
     * ({@code undetermined}, {@code true_positive}, {@code benign_true_positive}, {@code false_positive})
     * and assignee ({@code null} unassigns). The version read must come back as If-Match or
     * {@code version}: 409 when someone changed the alert since, 428 when it is missing.
     */
    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @OperatorAccess
    ResponseEntity<AlertView> triage(@PathVariable("id") String id,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     @RequestBody TriageChange change) {
        return withVersion(alerts.triage(id, ifMatch, change));
    }

    @PostMapping(path = "/{id}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @OperatorAccess
    ResponseEntity<CommentView> comment(@PathVariable("id") String id, @RequestBody NewComment comment, Principal user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(CommentView.of(alerts.comment(id, user.getName(), comment)));
    }

    private ResponseEntity<AlertView> withVersion(StoredAlert alert) {
        return ResponseEntity.ok().eTag(Versions.etag(alert.version())).body(alerts.view(alert));
    }
}
