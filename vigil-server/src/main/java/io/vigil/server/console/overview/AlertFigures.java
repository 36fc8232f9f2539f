package io.vigil.server.console.overview;

import io.vigil.model.alert.Severity;
import io.vigil.server.api.ApiValues;
import io.vigil.server.console.internal.Display;
import io.vigil.server.internal.RenewedReading;
import io.vigil.store.VigilDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The overview's aggregates over every alert and incident: the alerts of the last {@link #DAYS} days
 * by severity, and the open incidents by severity. Counting them takes longer than a page should as
 * alerts pile up, so they are read at most every {@link #FRESH_FOR} and only while someone looks
 * (renewed in the background, {@link RenewedReading}).
 */
@Component
class AlertFigures implements DisposableBean {

    static final int DAYS = 14;
    static final Duration FRESH_FOR = Duration.ofSeconds(15);

    private final RenewedReading<Figures> figures;

    /**
     * @param from          the chart's first day
     * @param to            the end of its last day
     * @param recent        whether the chart ends today, not on the day of an older latest alert
     * @param openIncidents severity (API name), worst first → open incidents
     */
    record Figures(AlertChart chart, Instant from, Instant to, boolean recent, Map<String, Long> openIncidents) {
    }

    @Autowired
    AlertFigures(VigilDatabase database, Display display) {
        this(database, display, Clock.systemUTC());
    }

    AlertFigures(VigilDatabase database, Display display, Clock clock) {
        this.figures = new RenewedReading<>("alert-figures", FRESH_FOR, clock,
                () -> read(database, display, clock.instant()));
    }

    Figures current() {
        return figures.get();
    }

    private static Figures read(VigilDatabase database, Display display, Instant now) {
        Instant end = chartEnd(database, now);
        List<Instant> days = new ArrayList<>();
        List<Map<Severity, Long>> counts = new ArrayList<>();
        for (int i = DAYS; i > 0; i--) {
            Instant day = end.minus(Duration.ofDays(i));
            days.add(day);
            counts.add(database.alerts().countBySeverity(day, day.plus(Duration.ofDays(1))));
        }
        return new Figures(AlertChart.of(days, counts, display::day), days.get(0), end.minusSeconds(1), !end.isBefore(now),
                openIncidents(database));
    }

    /**
     * The end of the chart's last day: today, or the day of the latest alert when it is older (a
     * replayed recording from years ago still shows its days).
     */
    private static Instant chartEnd(VigilDatabase database, Instant now) {
        Instant latest = database.alerts().latestStart().filter(t -> t.isBefore(now.minus(Duration.ofDays(DAYS))))
                .orElse(now);
        return latest.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
    }

    private static Map<String, Long> openIncidents(VigilDatabase database) {
        Map<Severity, Long> counts = database.incidents().countOpenBySeverity();
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (int s = Severity.values().length - 1; s >= 0; s--) {
            bySeverity.put(ApiValues.name(Severity.values()[s]), counts.getOrDefault(Severity.values()[s], 0L));
        }
        return bySeverity;
    }

    @Override
    public void destroy() {
        figures.close();
    }
}
