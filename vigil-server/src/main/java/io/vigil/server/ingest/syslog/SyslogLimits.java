package io.vigil.server.ingest.syslog;

import java.time.Duration;

/**
 * Bounds of the syslog receivers. Messages are journaled in groups (whichever comes first: the
 * message count, the bytes, or the age of the oldest) so that one disk flush serves many messages.
 *
 * @param maxMessageBytes largest message accepted; larger ones are dropped and counted
 * @param maxConnections  TCP connections served at once; more are closed on arrival and counted
 * @param idleTimeout     a TCP connection silent this long is closed
 * @param groupMessages   a group is journaled once it holds this many messages…
 * @param groupBytes      …or this many bytes…
 * @param groupAge        …or its first message is this old
 */
record SyslogLimits(int maxMessageBytes, int maxConnections, Duration idleTimeout, int groupMessages,
        int groupBytes, Duration groupAge) {

    static SyslogLimits defaults() {
        return new SyslogLimits(1 << 20, 64, Duration.ofMinutes(5), 500, 4 << 20, Duration.ofMillis(100));
    }
}
