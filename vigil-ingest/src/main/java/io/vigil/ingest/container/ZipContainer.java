package io.vigil.ingest.container;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Streams the file entries of a zip archive, skipping directories and macOS metadata entries. Reads
 * the archive front to back (local headers), so nested archives need no temporary files. Closes the
 * archive stream when done.
 */
public final class ZipContainer {

    private final ContainerLimits limits;

    public ZipContainer(ContainerLimits limits) {
        this.limits = limits;
    }

    public void forEachEntry(InputStream archive, EntryVisitor visitor) throws IOException {
        ZipInputStream zip = new ZipInputStream(archive);
        ZipEntry entry;
        try {
            while ((entry = zip.getNextEntry()) != null) {
                if (!entry.isDirectory() && !ArchiveNoise.isNoise(entry.getName())) {
                    visitor.visit(entry.getName(), new LimitedInputStream(zip, limits.maxEntryBytes()));
                }
                zip.closeEntry();
            }
        } catch (ZipException e) {
            throw new IOException("corrupt zip archive: " + e.getMessage(), e);
        } finally {
            zip.close();
        }
    }
}
