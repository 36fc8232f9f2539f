package io.vigil.server.ingest.syslog;

import org.slf4j.Logger;

/**
 * Logs at most one warning per interval and says how many were left out, so that a sender that
 * streams garbage cannot flood the server's log.
 */
final class RateLimitedLog {

    private final Logger log;
    private final long intervalNanos;
    private long lastNanos;
    private long suppressed;
    private boolean logged;

    RateLimitedLog(Logger log, java.time.Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    synchronized void warn(String message) {
        long now = System.nanoTime();
        if (logged && now - lastNanos < intervalNanos) {
            suppressed++;
            return;
        }
        if (suppressed > 0) {
            log.warn("{} ({} similar message(s) not logged)", message, suppressed);
        } else {
            log.warn(message);
        }
        logged = true;
        lastNanos = now;
        suppressed = 0;
    }
}
