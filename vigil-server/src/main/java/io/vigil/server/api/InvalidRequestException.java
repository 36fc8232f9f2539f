package io.vigil.server.api;

/** A request the client must correct; answered 400 with the offending parameter or field named. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The query parameter, header or body field at fault. */
    public String field() {
        return field;
    }
}
