package io.vigil.ingest.container;

import java.io.IOException;

/** An archive entry expanded beyond {@link ContainerLimits#maxEntryBytes()}. */
public final class ExpansionLimitException extends IOException {

    public ExpansionLimitException(long limit) {
        super("expands to more than " + limit + " bytes (limit), rest skipped");
    }
}
