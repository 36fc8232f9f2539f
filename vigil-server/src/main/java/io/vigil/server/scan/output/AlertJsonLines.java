package io.vigil.server.scan.output;

import io.vigil.model.alert.Alert;
import java.io.PrintStream;
import java.util.List;

final class AlertJsonLines implements AlertWriter {

    @Override
    public void write(List<Alert> alerts, PrintStream out) {
        for (Alert a : alerts) {
            out.println(AlertJson.of(a));
        }
    }
}
