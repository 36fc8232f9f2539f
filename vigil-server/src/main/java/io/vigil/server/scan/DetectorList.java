package io.vigil.server.scan;

import io.vigil.detection.registry.DetectorRegistry;
import io.vigil.detection.spi.Detector;
import io.vigil.model.alert.MitreTechnique;
import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code vigil scan --list-detectors}. */
final class DetectorList {

    private DetectorList() {
    }

    static void print(DetectorRegistry registry, PrintWriter out) {
        out.printf("%-24s %-6s %-8s %-54s %s%n", "DETECTOR", "MDI", "SEVERITY", "ALERT", "MITRE");
        for (Detector<?> d : registry.create(Map.of())) {
            var desc = d.descriptor();
            out.printf("%-24s %-6s %-8s %-54s %s%n", desc.id(), desc.externalId() == null ? "-" : desc.externalId(),
                    desc.severity().sentinelName(), desc.title(),
                    desc.techniques().stream().map(MitreTechnique::id).collect(Collectors.joining(",")));
        }
        out.flush();
    }
}
