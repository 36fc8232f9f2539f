package io.vigil.ingest.source;

/** Why a source was not decoded. Only {@link #UNREADABLE} means the input itself could not be read. */
public enum SkipReason {
    /** Decoded (not skipped). */
    NONE,
    /** Content that is not an event log in a known format. */
    NOT_AN_EVENT_LOG,
    EMPTY,
    /** The file system refused: missing, no permission, I/O error. */
    UNREADABLE,
    /** A damaged or over-limit container. */
    DAMAGED,
    /** A format this installation has no decoder for, or a link not followed. */
    NOT_SUPPORTED
}
