package io.vigil.store;

/** A record with the same unique key already exists. */
public class AlreadyExistsException extends StoreException {

    public AlreadyExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
