package io.vigil.server.console.incidents;

import io.vigil.model.alert.Classification;
import io.vigil.model.alert.Severity;
import io.vigil.model.incident.Incident;
import io.vigil.model.incident.IncidentStatus;
import io.vigil.server.api.ApiValues;
import io.vigil.server.api.Paging;
import io.vigil.server.console.internal.IdentityLinks;
import io.vigil.server.console.internal.Links;
import io.vigil.server.console.internal.ListPage;
import io.vigil.server.console.internal.Period;
import io.vigil.server.console.internal.QueryLinks;
import io.vigil.server.console.internal.Triage;
import io.vigil.server.incidents.IncidentService;
import io.vigil.server.incidents.IncidentSummaryView;
import io.vigil.server.incidents.TimelineEntryView;
import io.vigil.server.security.OperatorAccess;
import io.vigil.server.security.ReaderAccess;
import io.vigil.store.alerts.StoredAlert;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /incidents}: the incident list and an incident's page with its attack timeline; operators triage. */
@Controller
@RequestMapping("/incidents")
class IncidentPagesController {

    static final int PAGE_SIZE = 50;
    static final int TIMELINE_PAGE = 100;

    private final IncidentService incidents;
    private final IdentityLinks identityLinks;

    IncidentPagesController(IncidentService incidents, IdentityLinks identityLinks) {
        this.incidents = incidents;
        this.identityLinks = identityLinks;
    }

    @GetMapping
    @ReaderAccess
    String list(IncidentFilters filters, @RequestParam(name = "offset", defaultValue = "0") int offset,
            HttpServletRequest request, Model model) {
        var page = incidents.find(filters.toFilter(Instant.now()), Paging.of(offset, PAGE_SIZE))
                .map(IncidentSummaryView::of);
        model.addAttribute("page", ListPage.of(page, QueryLinks.of(request)));
        model.addAttribute("filters", filters);
        model.addAttribute("severities", ApiValues.names(Severity.values()));
        model.addAttribute("statuses", ApiValues.names(IncidentStatus.values()));
        model.addAttribute("periods", Period.values());
        return "incidents/list";
    }

    /** @param offset where the shown part of the timeline starts */
    @GetMapping("/{id}")
    @ReaderAccess
    String incident(@PathVariable("id") String id, @RequestParam(name = "offset", defaultValue = "0") int offset,
            HttpServletRequest request, Model model) {
        Incident incident = incidents.get(id);
        List<StoredAlert> alerts = incidents.alertsOf(incident);
        List<TimelineEntryView> timeline = incidents.timeline(id);
        model.addAttribute("incident", incidents.view(incident, alerts));
        model.addAttribute("timeline", ListPage.slice(timeline, Paging.of(offset, TIMELINE_PAGE), QueryLinks.of(request)));
        model.addAttribute("graph", EntityGraph.of(alerts, identityLinks::of));
        model.addAttribute("identityLinks", identityLinks.of(alerts.stream().flatMap(a -> a.alert().entities().stream()).toList()));
        model.addAttribute("triage", triageOf(incident));
        return "incidents/detail";
    }

    @PostMapping("/{id}/triage")
    @OperatorAccess
    String triage(@PathVariable("id") String id, Triage.Form form, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return Triage.submit(request, response, model, "/incidents/{id}",
                () -> triageOf(incidents.triage(id, null, form.toChange())), () -> triageOf(incidents.get(id)));
    }

    private static Triage triageOf(Incident incident) {
        return Triage.of(Links.path("/incidents/{id}/triage", incident.id()), ApiValues.name(incident.status()),
                ApiValues.name(incident.classification()), incident.assignee(), incident.version(),
                ApiValues.names(IncidentStatus.values()), ApiValues.names(Classification.values()));
    }
}
