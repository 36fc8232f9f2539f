package io.vigil.server.console.settings.integrations;

import java.util.Collection;
import java.util.Locale;

/** How an integration's connection stands, as its card's badge shows it. */
public enum ConnectionState {
    CONNECTED, ERROR, DISABLED, NOT_CONNECTED;

    /** {@code connected}, {@code not_connected}, …: the badge's label and class ({@code st-…}). */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A card's state over its connections: an error shows first, then any working connection. */
    static ConnectionState of(Collection<ConnectionState> connections) {
        if (connections.contains(ERROR)) {
            return ERROR;
        }
        if (connections.contains(CONNECTED)) {
            return CONNECTED;
        }
        if (!connections.isEmpty() && connections.stream().allMatch(s -> s == DISABLED)) {
            return DISABLED;
        }
        return NOT_CONNECTED;
    }
}
