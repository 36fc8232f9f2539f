package io.vigil.server.ingest;

import io.vigil.ingest.container.ContainerLimits;

/** Bounds on what one received batch may expand to (a gzip bomb in an HTTP body stops here). */
final class IngestLimits {

    static final ContainerLimits CONTAINERS = new ContainerLimits(256L << 20, 2);

    private IngestLimits() {
    }
}
