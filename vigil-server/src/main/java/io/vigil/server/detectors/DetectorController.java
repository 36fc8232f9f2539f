package io.vigil.server.detectors;

import io.vigil.detection.registry.DetectorRegistry;
import io.vigil.server.security.ReaderAccess;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/detectors}: what Vigil can detect, with the Defender for Identity alert each follows. */
@RestController
@RequestMapping("/api/v1/detectors")
class DetectorController {

    private final List<DetectorView> detectors;

    DetectorController() {
        this.detectors = DetectorRegistry.discover().create(Map.of()).stream()
                .map(d -> DetectorView.of(d.descriptor())).toList();
    }

    @GetMapping
    @ReaderAccess
    List<DetectorView> list() {
        return detectors;
    }
}
