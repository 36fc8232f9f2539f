package io.vigil.server.directory;

import io.vigil.model.directory.SyncOutcome;
import io.vigil.server.api.ApiValues;
import java.time.Instant;
import java.util.List;

/** One sync's outcome: {@code state} succeeded or failed, and when failed the error kind and a message naming what to fix. */
public record SyncOutcomeView(String mode, String state, String server, Instant started, Instant finished,
                              int identities, int changed, int removed, long highestUsn, String errorKind,
                              String error, List<String> notes) {

    static SyncOutcomeView of(SyncOutcome o) {
        return new SyncOutcomeView(ApiValues.name(o.mode()), ApiValues.name(o.state()), o.server(), o.started(),
                o.finished(), o.identities(), o.changed(), o.removed(), o.highestUsn(), ApiValues.name(o.errorKind()),
                o.error(), o.notes());
    }
}
