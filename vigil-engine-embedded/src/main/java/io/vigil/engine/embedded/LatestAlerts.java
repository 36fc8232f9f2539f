package io.vigil.engine.embedded;

import io.vigil.model.alert.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** An alert sink that keeps the latest version of each alert, for offline scans and tests. */
public final class LatestAlerts implements AlertSink {

    private final ConcurrentHashMap<String, Alert> byId = new ConcurrentHashMap<>();

    @Override
    public void accept(Alert alert) {
        byId.put(alert.id(), alert);
    }

    /** Alerts ordered by start time, then type and id, so output is reproducible. */
    public List<Alert> sorted() {
        List<Alert> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(Alert::startTime).thenComparing(Alert::type).thenComparing(Alert::id));
        return all;
    }

    public int size() {
        return byId.size();
    }
}
