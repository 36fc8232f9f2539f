package io.vigil.model.directory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a sync did, for the console and the audit log.
 *
 * @param mode       the mode actually run: an incremental request falls back to FULL when the DC
 *                   changed or its USN went backwards (the notes say why)
 * @param server     the DC that answered, when known
 * @param identities identities in the resulting inventory (0 when failed)
 * @param changed    identities added or modified (a full sync counts all of them)
 * @param removed    identities gone since the previous snapshot (incremental only)
 * @param highestUsn the cursor for the next incremental sync; -1 when failed
 * @param errorKind  null when succeeded
 * @param error      a message naming what failed (host, DN, attribute), never a password
 * @param notes      what went well enough but deserves a look, e.g. continuation references not followed
 */
public record SyncOutcome(
        String domain,
        SyncMode mode,
        SyncState state,
        String server,
        Instant started,
        Instant finished,
        int identities,
        int changed,
        int removed,
        long highestUsn,
        SyncErrorKind errorKind,
        String error,
        List<String> notes) {

    public SyncOutcome {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(state, "state");
        notes = List.copyOf(notes == null ? List.of() : notes);
        if (state == SyncState.FAILED && (errorKind == null || error == null)) {
            throw new IllegalArgumentException("a failed sync needs an error kind and message");
        }
    }

    public boolean succeeded() {
        return state == SyncState.SUCCEEDED;
    }
}
