package io.vigil.integrations.siem.sentinel;

import io.vigil.integrations.siem.ExportProperties;
import io.vigil.integrations.siem.ExportRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import tools.jackson.core.JsonGenerator;

/**
 * A batch's outbox records as Logs Ingestion rows (the {@link SecurityAlertTable} columns, typed as
 * the stream declares them), and the gzip-compressed JSON arrays of consecutive rows that stay under
 * the per-call limit. Rows are rendered once, in order, when a call first needs them, into one buffer
 * the calls are compressed from; so the next call can be made ready while the one before is on its way.
 */
final class IngestionRows {

    /** A call's body: rows {@code from} (inclusive) to {@code to} (exclusive), as a gzip-compressed JSON array. */
    record Call(int from, int to, byte[] gzipped) {

        int rows() {
            return to - from;
        }
    }

    private final List<ExportRecord> records;
    private final String consoleBaseUrl;
    private final int maxCallBytes;
    private final Buffer rendered;
    /** Where each rendered row ends in {@link #rendered}; row i starts after the comma that ends row i-1. */
    private final int[] ends;
    private int renderedRows;

    /** Renders into {@code buffer} (emptied first), which the caller may hand to the next batch once this one is done. */
    IngestionRows(List<ExportRecord> records, String consoleBaseUrl, int maxCallBytes, Buffer buffer) {
        this.records = records;
        this.rendered = buffer;
        buffer.reset();
        this.consoleBaseUrl = consoleBaseUrl;
        this.maxCallBytes = maxCallBytes;
        this.ends = new int[records.size()];
    }

    int size() {
        return records.size();
    }

    /**
     * The call starting at row {@code from}: as many rows as fit in {@code maxCallBytes} of JSON, at
     * most {@code maxRows} (a lone oversized row makes a call of its own).
     */
    Call call(int from, int maxRows) {
        int size = 2;
        int to = from;
        while (to < records.size() && to - from < maxRows) {
            int add = rowLength(to) + (to == from ? 0 : 1);
            if (to > from && size + add > maxCallBytes) {
                break;
            }
            size += add;
            to++;
        }
        return new Call(from, to, gzip(from, to, size));
    }

    /** The record's row, the table's columns in its order, as the JSON of one object. */
    private static void write(ExportRecord record, String consoleBaseUrl, OutputStream out) {
        Map<String, Object> all = SecurityAlertRow.of(record.alert(), record.generated(), consoleBaseUrl,
                ExportProperties.of(record));
        try (JsonGenerator g = SecurityAlertRow.generator(out)) {
            SecurityAlertRow.writeObject(g, all, SecurityAlertTable.COLUMNS.keySet());
        }
    }

    private int rowLength(int row) {
        while (renderedRows <= row) {
            write(records.get(renderedRows), consoleBaseUrl, rendered);
            ends[renderedRows++] = rendered.size();
            // each row is followed by the array's separator, so consecutive rows are one range of the buffer
            rendered.write(',');
        }
        return ends[row] - start(row);
    }

    private int start(int row) {
        return row == 0 ? 0 : ends[row - 1] + 1;
    }

    /**
     * {@code [row,row,…]} at the fastest deflate level: Azure's 1 MB limit holds for the uncompressed
     * body too, and JSON rows shrink far below that at any level, so a stronger level would cost CPU
     * (three times as much) and buy no larger call, only a few bytes less on the wire.
     */
    private byte[] gzip(int from, int to, int jsonBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jsonBytes / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write('[');
            rendered.writeTo(gz, start(from), ends[to - 1] - start(from));
            gz.write(']');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A byte buffer that hands out ranges of itself without copying. A batch's rows take megabytes:
     * growing a new buffer to that for every batch was most of what delivery allocated.
     */
    static final class Buffer extends ByteArrayOutputStream {

        Buffer() {
            super(1 << 16);
        }

        void writeTo(OutputStream out, int offset, int length) throws IOException {
            out.write(buf, offset, length);
        }
    }
}
