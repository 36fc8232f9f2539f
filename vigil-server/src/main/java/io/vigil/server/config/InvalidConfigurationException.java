package io.vigil.server.config;

/** A setting is missing, malformed or unsafe; the message says which and what to do. */
public final class InvalidConfigurationException extends RuntimeException {
    public InvalidConfigurationException(String message) {
        super(message);
    }
}
