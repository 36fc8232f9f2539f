package io.vigil.server.detectors;

import io.vigil.detection.registry.DetectorRegistry;
import io.vigil.detection.spi.DetectorDescriptor;
import io.vigil.server.api.ResourceNotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The detectors this server has (from the registry discovered at start-up) and what each one is. */
@Component
public class DetectorCatalog {

    private final DetectorRegistry registry;
    private final Map<String, DetectorDescriptor> descriptors = new LinkedHashMap<>();

    DetectorCatalog(DetectorRegistry registry) {
        this.registry = registry;
        registry.create(Map.of()).forEach(d -> descriptors.put(d.descriptor().id(), d.descriptor()));
    }

    DetectorRegistry registry() {
        return registry;
    }

    public List<DetectorDescriptor> all() {
        return List.copyOf(descriptors.values());
    }

    /** @throws ResourceNotFoundException when no detector has the id */
    DetectorDescriptor get(String id) {
        DetectorDescriptor descriptor = descriptors.get(id);
        if (descriptor == null) {
            throw new ResourceNotFoundException("detector", id);
        }
        return descriptor;
    }
}
