package io.vigil.store;

/** The record an operation names does not exist. */
public class NotFoundException extends StoreException {

    public NotFoundException(String what, String id) {
        super(what + " " + id + " does not exist");
    }
}
