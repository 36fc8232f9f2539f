package io.vigil.integrations.siem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every exporter adds to an alert so that the receiving side can tell rows apart: the
 * idempotent row id (a row sent twice after a crash carries the same id, so a SIEM query can
 * drop the copy) and the change that produced the row.
 */
public final class ExportProperties {

    public static final String ROW_ID = "VigilRowId";
    public static final String CHANGE = "VigilChange";

    private ExportProperties() {
    }

    public static Map<String, String> of(ExportRecord record) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(ROW_ID, record.rowId());
        out.put(CHANGE, record.change().label());
        return out;
    }
}
