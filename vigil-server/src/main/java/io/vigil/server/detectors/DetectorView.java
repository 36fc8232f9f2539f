package io.vigil.server.detectors;

import io.vigil.detection.spi.DetectorDescriptor;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import io.vigil.model.identity.IdentityEventKind;
import java.util.List;

/** A detector as the API shows it. */
public record DetectorView(
        String id,
        String externalId,
        String alertType,
        String title,
        String severity,
        List<String> tactics,
        List<String> techniques,
        List<String> inputs,
        String learningPeriod,
        String remediation) {

    static DetectorView of(DetectorDescriptor d) {
        return new DetectorView(d.id(), d.externalId(), d.alertTypeName(), d.title(), d.severity().sentinelName(),
                d.tactics().stream().map(MitreTactic::sentinelName).toList(),
                d.techniques().stream().map(MitreTechnique::id).toList(),
                d.inputs().stream().map(IdentityEventKind::name).sorted().toList(),
                d.learningPeriod().toString(), d.remediation());
    }
}
