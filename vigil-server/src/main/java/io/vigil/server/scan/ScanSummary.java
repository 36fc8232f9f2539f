package io.vigil.server.scan;

import io.vigil.model.alert.Alert;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/** The closing lines of a scan: what was read, how fast, what was found, what went wrong. */
final class ScanSummary {

    private ScanSummary() {
    }

    static void print(ScanResult r, PrintWriter out) {
        out.println();
        out.printf("Scanned %,d files (%,d skipped as not event logs, %,d unreadable), %,d MB%n",
                r.filesRead(), r.filesSkipped(), r.unreadableSources(), r.bytes() >> 20);
        out.printf("Events: %,d decoded, %,d identity events, %,.0f events/s over %.2f s%n",
                r.events(), r.identityEvents(), r.eventsPerSecond(), r.elapsed().toNanos() / 1e9);
        Map<String, Integer> byType = new TreeMap<>();
        for (Alert a : r.alerts()) {
            byType.merge(a.name() + (a.externalId() == null ? "" : " (" + a.externalId() + ")"), 1, Integer::sum);
        }
        out.printf("Alerts: %,d%n", r.alerts().size());
        byType.forEach((type, n) -> out.printf("  %4d  %s%n", n, type));
        out.printf("Errors: %,d undecodable records or files%s%n", r.errors(),
                r.engine().detectorErrors().isEmpty() ? "" : ", detector failures " + r.engine().detectorErrors());
    }
}
