package io.vigil.server.scan.output;

import io.vigil.model.alert.Alert;
import java.io.PrintWriter;
import java.util.List;

final class AlertJsonLines implements AlertWriter {

    @Override
    public void write(List<Alert> alerts, PrintWriter out) {
        for (Alert a : alerts) {
            out.println(AlertJson.of(a));
        }
    }
}
