package io.vigil.ingest.json;

/** A JSON value that is well-formed but is not a Windows event this decoder understands. */
final class RecordException extends Exception {

    RecordException(String message) {
        super(message, null, false, false);
    }
}
