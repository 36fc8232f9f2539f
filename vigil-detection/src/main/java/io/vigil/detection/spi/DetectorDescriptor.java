package io.vigil.detection.spi;

import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import io.vigil.model.alert.Severity;
import io.vigil.model.identity.IdentityEventKind;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a detector is: its id, what alert it raises (after the Defender for Identity alert of the same
 * purpose), its MITRE mapping, the event kinds it reads and its learning period.
 *
 * @param id             stable detector id, also the alert {@code type}
 * @param externalId     Defender for Identity external id (e.g. {@code 2410}), or null
 * @param alertTypeName  Defender for Identity internal type name (Sentinel {@code AlertType})
 * @param title          alert display name
 * @param inputs         event kinds the engine routes to this detector
 * @param learningPeriod how long the detector observes before it may alert; zero when none
 */
public record DetectorDescriptor(
        String id,
        String externalId,
        String alertTypeName,
        String title,
        Severity severity,
        List<MitreTactic> tactics,
        List<MitreTechnique> techniques,
        Set<IdentityEventKind> inputs,
        Duration learningPeriod,
        String remediation) {

    public DetectorDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        tactics = List.copyOf(tactics);
        techniques = List.copyOf(techniques);
        inputs = Set.copyOf(inputs);
        learningPeriod = learningPeriod == null ? Duration.ZERO : learningPeriod;
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("detector " + id + " reads no event kind");
        }
    }
}
