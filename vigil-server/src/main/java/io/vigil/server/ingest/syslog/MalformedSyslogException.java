package io.vigil.server.ingest.syslog;

/** A frame that is not a syslog message carrying an event; the message says what is wrong with it. */
final class MalformedSyslogException extends Exception {
    MalformedSyslogException(String message) {
        super(message, null, false, false);
    }
}
