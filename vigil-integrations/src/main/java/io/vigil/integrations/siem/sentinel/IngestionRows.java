package io.vigil.integrations.siem.sentinel;

import io.vigil.integrations.siem.ExportProperties;
import io.vigil.integrations.siem.ExportRecord;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * Outbox records as Logs Ingestion rows (the {@link SecurityAlertTable} columns, typed as the stream
 * declares them) and the packing of rows into JSON arrays that stay under the per-call limit.
 */
final class IngestionRows {

    private IngestionRows() {
    }

    /** The record's row, the table's columns in its order, as the JSON of one object. */
    static byte[] render(ExportRecord record, String consoleBaseUrl) {
        Map<String, Object> all = SecurityAlertRow.of(record.alert(), record.generated(), consoleBaseUrl,
                ExportProperties.of(record));
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = SecurityAlertRow.generator(out)) {
            SecurityAlertRow.writeObject(g, all, SecurityAlertTable.COLUMNS.keySet());
        }
        return out.toByteArray();
    }

    /** Ends (exclusive) of consecutive runs of rows whose JSON array weighs at most {@code maxBytes} (a lone oversized row makes its own run). */
    static List<Integer> pack(List<byte[]> rows, int from, int maxBytes, int maxRows) {
        List<Integer> ends = new ArrayList<>();
        int size = 2;
        int count = 0;
        for (int i = from; i < rows.size(); i++) {
            int add = rows.get(i).length + (count == 0 ? 0 : 1);
            if (count > 0 && (size + add > maxBytes || count == maxRows)) {
                ends.add(i);
                size = 2;
                count = 0;
                add = rows.get(i).length;
            }
            size += add;
            count++;
        }
        if (count > 0) {
            ends.add(rows.size());
        }
        return ends;
    }

    /** {@code [row,row,…]}. */
    static byte[] array(List<byte[]> rows, int from, int to) {
        int size = 2 + Math.max(0, to - from - 1);
        for (int i = from; i < to; i++) {
            size += rows.get(i).length;
        }
        byte[] out = new byte[size];
        int at = 0;
        out[at++] = '[';
        for (int i = from; i < to; i++) {
            if (i > from) {
                out[at++] = ',';
            }
            byte[] row = rows.get(i);
            System.arraycopy(row, 0, out, at, row.length);
            at += row.length;
        }
        out[at] = ']';
        return out;
    }
}
