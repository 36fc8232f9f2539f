package io.vigil.integrations.siem;

import io.vigil.model.alert.Alert;
import java.time.Instant;
import java.util.Objects;

/**
 * One outbox row: an alert as it was when it was raised or changed.
 *
 * @param rowId     idempotent id of this row, the same every time it is sent ({@code <alert id>:<outbox sequence>})
 * @param generated when the change was recorded; sent as TimeGenerated, so a re-sent row is identical
 */
public record ExportRecord(String rowId, Alert alert, AlertChange change, Instant generated) {

    public ExportRecord {
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(generated, "generated");
    }

    /** The row id for an alert's outbox sequence number. */
    public static String rowId(String alertId, long sequence) {
        return alertId + ":" + sequence;
    }
}
