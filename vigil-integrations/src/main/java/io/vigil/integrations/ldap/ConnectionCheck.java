package io.vigil.integrations.ldap;

import io.vigil.model.directory.SyncErrorKind;

/**
 * Whether a directory source can be read, as found by connecting, binding, reading the root DSE and
 * the base DN, without syncing anything.
 *
 * @param server     the domain controller that answered ({@code dsServiceName}), or the hosts tried
 * @param highestUsn the DC's {@code highestCommittedUSN}; -1 when the check failed
 * @param errorKind  null when the check passed
 * @param error      what failed, naming host and DN, never a password
 */
public record ConnectionCheck(boolean ok, String server, long highestUsn, SyncErrorKind errorKind, String error) {

    static ConnectionCheck passed(String server, long highestUsn) {
        return new ConnectionCheck(true, server, highestUsn, null, null);
    }

    static ConnectionCheck failed(String server, SyncErrorKind kind, String error) {
        return new ConnectionCheck(false, server, -1, kind, error);
    }
}
