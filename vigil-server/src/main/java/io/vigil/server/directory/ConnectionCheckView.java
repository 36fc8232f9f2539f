package io.vigil.server.directory;

import io.vigil.integrations.ldap.ConnectionCheck;
import io.vigil.server.api.ApiValues;

/** The result of {@code POST …/test}: whether Vigil can bind and read the base DN, and if not, why. */
public record ConnectionCheckView(boolean ok, String server, long highestUsn, String errorKind, String error) {

    static ConnectionCheckView of(ConnectionCheck c) {
        return new ConnectionCheckView(c.ok(), c.server(), c.highestUsn(), ApiValues.name(c.errorKind()), c.error());
    }
}
