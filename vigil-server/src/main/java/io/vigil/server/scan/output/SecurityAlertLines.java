package io.vigil.server.scan.output;

import io.vigil.integrations.siem.sentinel.SecurityAlertRow;
import io.vigil.model.alert.Alert;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/** One Sentinel {@code SecurityAlert} row per line, as the Sentinel exporter will send them. */
final class SecurityAlertLines implements AlertWriter {

    @Override
    public void write(List<Alert> alerts, PrintWriter out) {
        Instant generated = Instant.now();
        for (Alert a : alerts) {
            out.println(SecurityAlertRow.json(a, generated, null));
        }
    }
}
