package io.vigil.detection.spi;

import io.vigil.model.alert.Evidence;
import io.vigil.model.identity.IdentityEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tumbling window of activity for one key, opened by its first event and lasting a fixed length:
 * it counts events by item (an account, a service…) and keeps the first evidence events up to a cap.
 * A mutable POJO so engines can keep it as keyed state. The window start seeds the alert id, so one
 * window raises at most one alert, updated as the window fills.
 */
public final class ActivityWindow {

    public static final int EVIDENCE_CAP = 100;

    public Instant start;
    public Instant last;
    public long total;
    public Map<String, Integer> items = new LinkedHashMap<>();
    public List<Evidence> evidence = new ArrayList<>();
    public boolean alerted;

    /** Starts a new window when this event falls after the current one (or none is open). */
    public void roll(Instant time, Duration length) {
        if (start == null || time.isAfter(start.plus(length)) || time.isBefore(start.minus(length))) {
            start = time;
            last = time;
            total = 0;
            items.clear();
            evidence.clear();
            alerted = false;
        }
    }

    public void add(String item, IdentityEvent event) {
        total++;
        if (last == null || event.time().isAfter(last)) {
            last = event.time();
        }
        if (item != null) {
            items.merge(item, 1, Integer::sum);
        }
        if (evidence.size() < EVIDENCE_CAP) {
            evidence.add(Evidences.of(event));
        }
    }

    public int distinct() {
        return items.size();
    }
}
