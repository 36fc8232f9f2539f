package io.vigil.server.console.overview;

import io.vigil.model.alert.Severity;
import io.vigil.server.api.ApiValues;
import io.vigil.server.console.internal.Display;
import io.vigil.server.identities.IdentityQuery;
import io.vigil.server.identities.IdentityService;
import io.vigil.server.identities.IdentityView;
import io.vigil.server.ingest.IngestStatusService;
import io.vigil.server.security.ReaderAccess;
import io.vigil.store.PageRequest;
import io.vigil.store.VigilDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /}: alerts over the last two weeks, open incidents by severity, the most attacked
 * identities and ingest health. Every figure is an indexed count or aggregate, never a list of
 * everything.
 */
@Controller
class OverviewController {

    static final int DAYS = 14;
    static final int TOP_IDENTITIES = 5;

    private final VigilDatabase database;
    private final IdentityService identities;
    private final IngestStatusService ingest;
    private final IngestRates rates;
    private final Display display;

    OverviewController(VigilDatabase database, IdentityService identities, IngestStatusService ingest,
            IngestRates rates, Display display) {
        this.database = database;
        this.identities = identities;
        this.ingest = ingest;
        this.rates = rates;
        this.display = display;
    }

    @GetMapping("/")
    @ReaderAccess
    String overview(Model model) {
        Instant now = Instant.now();
        Instant end = chartEnd(now);
        List<Instant> days = new ArrayList<>();
        List<Map<Severity, Long>> counts = new ArrayList<>();
        for (int i = DAYS; i > 0; i--) {
            Instant day = end.minus(Duration.ofDays(i));
            days.add(day);
            counts.add(database.alerts().countBySeverity(day, day.plus(Duration.ofDays(1))));
        }
        model.addAttribute("chart", AlertChart.of(days, counts, display::day));
        model.addAttribute("chartFrom", days.get(0));
        model.addAttribute("chartTo", end.minusSeconds(1));
        model.addAttribute("chartIsRecent", !end.isBefore(now));
        model.addAttribute("openIncidents", openIncidents());
        model.addAttribute("topIdentities", topIdentities());
        model.addAttribute("ingest", ingest.status());
        model.addAttribute("rates", rates.perSecond());
        return "overview/index";
    }

    /**
     * The end of the chart's last day: today, or the day of the latest alert when it is older (a
     * replayed recording from years ago still shows its days).
     */
    private Instant chartEnd(Instant now) {
        Instant latest = database.alerts().latestStart().filter(t -> t.isBefore(now.minus(Duration.ofDays(DAYS))))
                .orElse(now);
        return latest.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
    }

    /** Severity (API name), worst first → open incidents. */
    private Map<String, Long> openIncidents() {
        Map<Severity, Long> counts = database.incidents().countOpenBySeverity();
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (int s = Severity.values().length - 1; s >= 0; s--) {
            bySeverity.put(ApiValues.name(Severity.values()[s]), counts.getOrDefault(Severity.values()[s], 0L));
        }
        return bySeverity;
    }

    private List<IdentityView> topIdentities() {
        IdentityQuery mostAlerts = new IdentityQuery(null, Set.of(), null, Set.of(), null, Set.of(), null,
                IdentityQuery.Sort.ALERT_COUNT);
        return identities.page(mostAlerts, PageRequest.first(TOP_IDENTITIES)).items().stream()
                .filter(i -> i.alertCount() > 0).toList();
    }
}
