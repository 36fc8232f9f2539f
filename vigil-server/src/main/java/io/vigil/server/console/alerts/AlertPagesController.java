package io.vigil.server.console.alerts;

import io.vigil.detection.spi.DetectorDescriptor;
import io.vigil.model.alert.AlertStatus;
import io.vigil.model.alert.Classification;
import io.vigil.model.alert.Severity;
import io.vigil.server.alerts.AlertService;
import io.vigil.server.alerts.AlertSummaryView;
import io.vigil.server.alerts.NewComment;
import io.vigil.server.api.ApiValues;
import io.vigil.server.api.InvalidRequestException;
import io.vigil.server.api.Paging;
import io.vigil.server.console.internal.Htmx;
import io.vigil.server.console.internal.IdentityLinks;
import io.vigil.server.console.internal.Links;
import io.vigil.server.console.internal.ListPage;
import io.vigil.server.console.internal.Period;
import io.vigil.server.console.internal.QueryLinks;
import io.vigil.server.console.internal.Triage;
import io.vigil.server.detectors.DetectorCatalog;
import io.vigil.server.security.OperatorAccess;
import io.vigil.server.security.ReaderAccess;
import io.vigil.store.alerts.StoredAlert;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /alerts}: the alert list and an alert's page, where operators triage and comment. */
@Controller
@RequestMapping("/alerts")
class AlertPagesController {

    static final int PAGE_SIZE = 50;

    private final AlertService alerts;
    private final IdentityLinks identityLinks;
    private final Map<String, String> detectorTitles = new LinkedHashMap<>();

    AlertPagesController(AlertService alerts, IdentityLinks identityLinks, DetectorCatalog detectors) {
        this.alerts = alerts;
        this.identityLinks = identityLinks;
        detectors.all().stream().sorted(Comparator.comparing(DetectorDescriptor::title))
                .forEach(d -> detectorTitles.put(d.id(), d.title()));
    }

    @GetMapping
    @ReaderAccess
    String list(AlertFilters filters, @RequestParam(name = "offset", defaultValue = "0") int offset,
            HttpServletRequest request, Model model) {
        var page = alerts.find(filters.toFilter(Instant.now()), Paging.of(offset, PAGE_SIZE)).map(AlertSummaryView::of);
        model.addAttribute("page", ListPage.of(page, QueryLinks.of(request)));
        model.addAttribute("filters", filters);
        model.addAttribute("detectors", detectorTitles);
        model.addAttribute("severities", ApiValues.names(Severity.values()));
        model.addAttribute("statuses", ApiValues.names(AlertStatus.values()));
        model.addAttribute("periods", Period.values());
        return "alerts/list";
    }

    @GetMapping("/{id}")
    @ReaderAccess
    String alert(@PathVariable("id") String id, Model model) {
        addAlert(alerts.get(id), model);
        return "alerts/detail";
    }

    @PostMapping("/{id}/triage")
    @OperatorAccess
    String triage(@PathVariable("id") String id, Triage.Form form, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return Triage.submit(request, response, model, "/alerts/{id}",
                () -> triageOf(alerts.triage(id, null, form.toChange())), () -> triageOf(alerts.get(id)));
    }

    @PostMapping("/{id}/comments")
    @OperatorAccess
    String comment(@PathVariable("id") String id, @RequestParam(name = "text", defaultValue = "") String text,
            Principal user, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            alerts.comment(id, user.getName(), new NewComment(text));
        } catch (InvalidRequestException refused) {
            if (!Htmx.isRequest(request)) {
                throw refused;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("commentError", refused.getMessage());
        }
        if (!Htmx.isRequest(request)) {
            return "redirect:/alerts/{id}#comments";
        }
        addAlert(alerts.get(id), model);
        return "alerts/detail :: comments";
    }

    private void addAlert(StoredAlert stored, Model model) {
        model.addAttribute("alert", alerts.view(stored));
        model.addAttribute("detectorTitle", detectorTitles.getOrDefault(stored.alert().type(), stored.alert().type()));
        model.addAttribute("identityLinks", identityLinks.of(stored.alert().entities()));
        model.addAttribute("triage", triageOf(stored));
    }

    private static Triage triageOf(StoredAlert stored) {
        var a = stored.alert();
        return Triage.of(Links.path("/alerts/{id}/triage", a.id()), ApiValues.name(a.status()),
                ApiValues.name(a.classification()), stored.assignee(), stored.version(), ApiValues.names(AlertStatus.values()),
                ApiValues.names(Classification.values()));
    }
}
