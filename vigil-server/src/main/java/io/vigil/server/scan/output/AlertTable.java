package io.vigil.server.scan.output;

import io.vigil.model.alert.Alert;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A table for people: one row per alert, then its description and evidence count indented below. */
final class AlertTable implements AlertWriter {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String ROW = "%-19s  %-8s  %-5s  %-52s  %-24s  %s%n";

    @Override
    public void write(List<Alert> alerts, PrintWriter out) {
        if (alerts.isEmpty()) {
            out.println("No alerts.");
            return;
        }
        out.printf(ROW, "START (UTC)", "SEVERITY", "ID", "ALERT", "MAIN ENTITY", "MITRE");
        for (Alert a : alerts) {
            out.printf(ROW, TIME.format(a.startTime()), a.severity().sentinelName(),
                    a.externalId() == null ? "-" : a.externalId(), fit(a.name(), 52),
                    fit(SafeText.of(a.compromisedEntity()), 24), String.join(",", a.techniqueIds()));
            out.println("    " + SafeText.of(a.description()));
            out.println("    " + a.evidenceCount() + " events, " + TIME.format(a.startTime()) + " → "
                    + TIME.format(a.endTime()) + ", alert " + a.id());
        }
    }

    private static String fit(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
