package io.vigil.server.ingest;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/** Live ingest on the embedded H2 file database of {@code vigil start-dev}. */
class LiveIngestOnH2Test extends LiveIngestTest {

    @BeforeAll
    static void startOnH2() {
        start(Map.of());
    }
}
