package io.vigil.server.api;

/** A change was sent without the version it was based on; answered 428 so lost updates cannot happen silently. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException(String message) {
        super(message);
    }
}
