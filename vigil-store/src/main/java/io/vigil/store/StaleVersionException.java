package io.vigil.store;

/** Someone else changed the record since the caller read it (optimistic locking). */
public class StaleVersionException extends StoreException {

    private final long expectedVersion;
    private final long actualVersion;

    public StaleVersionException(String what, String id, long expectedVersion, long actualVersion) {
        super(what + " " + id + " was changed by someone else: expected version " + expectedVersion
                + " but it is at version " + actualVersion);
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long actualVersion() {
        return actualVersion;
    }
}
