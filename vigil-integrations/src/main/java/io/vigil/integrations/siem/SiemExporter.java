package io.vigil.integrations.siem;

import java.util.List;

/**
 * Sends rows of the alert outbox to one SIEM. The caller (the delivery worker) hands over a batch in
 * outbox order and marks as delivered exactly the leading records the result says the SIEM accepted;
 * the rest stay in the outbox and are offered again after the wait the result asks for. An exporter
 * therefore never retries on its own across calls, and never reports a record delivered before the
 * SIEM accepted it.
 */
public interface SiemExporter extends AutoCloseable {

    /** Delivers the records, in order, as far as the SIEM accepts them. Never throws for SIEM or network failures. */
    DeliveryResult deliver(List<ExportRecord> records);

    /** The most records one {@link #deliver} call should be given. */
    default int preferredBatchSize() {
        return 500;
    }

    /** Releases connections; the default has none. */
    @Override
    default void close() {
    }
}
