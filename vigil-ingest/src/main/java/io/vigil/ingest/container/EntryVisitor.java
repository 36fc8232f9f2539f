package io.vigil.ingest.container;

import java.io.IOException;
import java.io.InputStream;

/** Receives each file entry of an archive, in archive order, while its content is readable. */
@FunctionalInterface
public interface EntryVisitor {

    /**
     * @param name    the entry's path inside the archive
     * @param content the entry's bytes, bounded by the limits; valid only during this call
     */
    void visit(String name, InputStream content) throws IOException;
}
