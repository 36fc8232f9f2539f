package io.vigil.ingest.xml;

/** Well-formed XML that lacks what every Windows event has (EventID, TimeCreated). */
final class InvalidEventException extends Exception {

    InvalidEventException(String message) {
        super(message, null, false, false);
    }
}
