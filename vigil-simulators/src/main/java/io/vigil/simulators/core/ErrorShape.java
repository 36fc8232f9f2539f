package io.vigil.simulators.core;

/** How a vendor renders an error (JSON with its own field names, or plain text). */
@FunctionalInterface
public interface ErrorShape {

    SimResponse render(int status, String message);
}
