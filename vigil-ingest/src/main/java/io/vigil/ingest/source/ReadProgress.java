package io.vigil.ingest.source;

/** Told how many bytes of the named files have been read so far, for progress displays. */
@FunctionalInterface
public interface ReadProgress {

    ReadProgress NONE = bytes -> { };

    void bytesRead(long total);
}
