package io.vigil.ingest.container;

/**
 * Bounds on unwrapping, so a hostile archive (a zip bomb, a zip of zips of zips) fails with an error
 * instead of exhausting memory, disk or time.
 *
 * @param maxEntryBytes bytes one entry (or one gzip stream) may expand to
 * @param maxDepth      how many containers may nest inside each other
 */
public record ContainerLimits(long maxEntryBytes, int maxDepth) {

    public static final ContainerLimits DEFAULT = new ContainerLimits(8L << 30, 8);

    public ContainerLimits {
        if (maxEntryBytes <= 0 || maxDepth < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
