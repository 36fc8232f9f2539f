package io.vigil.server.api;

/** The id in the path names nothing; answered 404. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String what, String id) {
        super("there is no " + what + " with id '" + id + "'");
    }
}
