package io.vigil.simulators.core;

import java.time.Instant;

/**
 * A privileged session the simulated vault brokered: who ({@code vaultUser}) used which account
 * on which target, from where, and when ({@code end} null while live).
 */
public record SessionRecord(String id, String vaultUser, String accountUserName, String accountAddress,
                            String targetHost, String clientIp, String protocol, Instant start, Instant end) {

    public boolean live() {
        return end == null;
    }
}
