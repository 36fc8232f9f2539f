package io.vigil.server.api;

import java.io.IOException;

/**
 * A request body went past {@link RequestBodyLimitFilter#MAX_BYTES}. An {@link IOException} because it
 * is thrown from the body's stream, wherever the reader (Jackson, a controller) happens to be.
 */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
