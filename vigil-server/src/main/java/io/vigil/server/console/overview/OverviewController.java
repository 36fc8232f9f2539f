package io.vigil.server.console.overview;

import io.vigil.server.identities.IdentityQuery;
import io.vigil.server.identities.IdentityService;
import io.vigil.server.identities.IdentityView;
import io.vigil.server.ingest.IngestStatusService;
import io.vigil.server.security.ReaderAccess;
import io.vigil.store.PageRequest;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /}: alerts over the last two weeks, open incidents by severity, the most attacked
 * identities and ingest health. Every figure is an indexed count or aggregate, never a list of
 * everything; the alert and incident figures and the identities are as last read in the background
 * ({@link AlertFigures}, the identity list), ingest health is live.
 */
@Controller
class OverviewController {

    static final int TOP_IDENTITIES = 5;

    private final AlertFigures alerts;
    private final IdentityService identities;
    private final IngestStatusService ingest;
    private final IngestRates rates;

    OverviewController(AlertFigures alerts, IdentityService identities, IngestStatusService ingest, IngestRates rates) {
        this.alerts = alerts;
        this.identities = identities;
        this.ingest = ingest;
        this.rates = rates;
    }

    @GetMapping("/")
    @ReaderAccess
    String overview(Model model) {
        AlertFigures.Figures figures = alerts.current();
        model.addAttribute("chart", figures.chart());
        model.addAttribute("chartFrom", figures.from());
        model.addAttribute("chartTo", figures.to());
        model.addAttribute("chartIsRecent", figures.recent());
        model.addAttribute("openIncidents", figures.openIncidents());
        model.addAttribute("topIdentities", topIdentities());
        model.addAttribute("ingest", ingest.status());
        model.addAttribute("rates", rates.perSecond());
        return "overview/index";
    }

    private List<IdentityView> topIdentities() {
        IdentityQuery mostAlerts = new IdentityQuery(null, Set.of(), null, Set.of(), null, Set.of(), null,
                IdentityQuery.Sort.ALERT_COUNT);
        return identities.page(mostAlerts, PageRequest.first(TOP_IDENTITIES)).items().stream()
                .filter(i -> i.alertCount() > 0).toList();
    }
}
