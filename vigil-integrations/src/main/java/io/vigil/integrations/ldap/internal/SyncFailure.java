package io.vigil.integrations.ldap.internal;

import io.vigil.model.directory.SyncErrorKind;

/** Ends a sync: the outcome becomes FAILED with this kind and message. */
public class SyncFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SyncErrorKind kind;

    public SyncFailure(SyncErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SyncFailure(SyncErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public SyncErrorKind kind() {
        return kind;
    }
}
