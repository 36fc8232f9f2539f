package io.vigil.server.scan.output;

import io.vigil.model.alert.Alert;
import java.io.PrintWriter;
import java.util.List;

/** Writes a scan's alerts in one output format. */
public interface AlertWriter {

    void write(List<Alert> alerts, PrintWriter out);

    static AlertWriter forFormat(OutputFormat format) {
        return switch (format) {
            case TABLE -> new AlertTable();
            case JSONL -> new AlertJsonLines();
            case CSV -> new AlertCsv();
            case SECURITYALERT -> new SecurityAlertLines();
        };
    }
}
