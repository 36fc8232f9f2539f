package io.vigil.server.scan.output;

import io.vigil.model.alert.Alert;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV. A cell that a spreadsheet would read as a formula ({@code = + - @}, tab, CR) is
 * prefixed with an apostrophe: event fields are attacker-controlled and CSV goes into spreadsheets.
 */
final class AlertCsv implements AlertWriter {

    private static final String HEADER = "id,startTime,endTime,severity,externalId,type,name,compromisedEntity,"
            + "tactics,techniques,entities,evidenceCount,description";

    @Override
    public void write(List<Alert> alerts, PrintWriter out) {
        out.print(HEADER + "\r\n");
        for (Alert a : alerts) {
            out.print(String.join(",",
                    cell(a.id()), cell(a.startTime().toString()), cell(a.endTime().toString()),
                    cell(a.severity().sentinelName()), cell(a.externalId()), cell(a.type()), cell(a.name()),
                    cell(a.compromisedEntity()),
                    cell(a.tactics().stream().map(t -> t.sentinelName()).collect(Collectors.joining(";"))),
                    cell(String.join(";", a.techniqueIds())),
                    cell(a.entities().stream().map(e -> e.type() + ":" + e.label()).collect(Collectors.joining(";"))),
                    cell(Long.toString(a.evidenceCount())), cell(a.description())));
            out.print("\r\n");
        }
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || v.startsWith("'")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

}
