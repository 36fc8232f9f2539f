package io.vigil.detection.spi;

import io.vigil.model.alert.Alert;
import java.time.Instant;

/** What the engine offers a detector while it handles one key's event or timer. */
public interface DetectionContext {

    DirectoryView directory();

    /** The sessions and checkouts PAM vaults recorded; none when no vault is connected. */
    default VaultActivityView vaultActivity() {
        return VaultActivityView.NONE;
    }

    /** The key being processed. */
    String key();

    /**
     * Raises an alert, or updates it: alerts are upserted by id, so a detector may emit the same
     * alert again as more evidence arrives and consumers keep the latest version.
     */
    void emit(Alert alert);

    /** Asks for {@link Detector#onTimer} on this key once event time passes {@code time}. */
    void timer(Instant time);
}
