package io.vigil.ingest.evtx;

/** Bad bytes inside a chunk or record; caught by the reader and turned into a decode error. */
final class EvtxFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EvtxFormatException(String message) {
        super(message, null, false, false);
    }
}
