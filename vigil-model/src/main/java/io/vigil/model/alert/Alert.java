package io.vigil.model.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An alert, shaped after Microsoft Sentinel's {@code SecurityAlert} row so that export is a mapping.
 *
 * @param id              deterministic: derived from detector id, key and window start (see AlertIds)
 * @param type            the detector id, e.g. {@code kerberoasting}
 * @param externalId      the Defender for Identity external id the detector follows, e.g. {@code 2410}
 * @param alertTypeName   the Defender for Identity internal type name, e.g. {@code KerberoastingSecurityAlert}
 * @param name            display name
 * @param compromisedEntity the main entity's label
 * @param evidenceCount   how many events contributed (evidence may be capped; this never is)
 */
public record Alert(
        String id,
        String type,
        String externalId,
        String alertTypeName,
        String name,
        Severity severity,
        String description,
        List<String> remediationSteps,
        Instant startTime,
        Instant endTime,
        List<MitreTactic> tactics,
        List<MitreTechnique> techniques,
        String compromisedEntity,
        List<Entity> entities,
        Map<String, String> extendedProperties,
        List<Evidence> evidence,
        long evidenceCount,
        AlertStatus status,
        Classification classification) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(startTime, "startTime");
        endTime = endTime == null ? startTime : endTime;
        remediationSteps = List.copyOf(remediationSteps == null ? List.of() : remediationSteps);
        tactics = List.copyOf(tactics == null ? List.of() : tactics);
        techniques = List.copyOf(techniques == null ? List.of() : techniques);
        entities = List.copyOf(entities == null ? List.of() : entities);
        extendedProperties = extendedProperties == null ? Map.of() : Map.copyOf(extendedProperties);
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
        status = status == null ? AlertStatus.NEW : status;
        classification = classification == null ? Classification.UNDETERMINED : classification;
    }

    /** The same alert with the analysts' status and classification, as the store keeps it after a detector update. */
    public Alert withTriage(AlertStatus newStatus, Classification newClassification) {
        return new Alert(id, type, externalId, alertTypeName, name, severity, description, remediationSteps, startTime,
                endTime, tactics, techniques, compromisedEntity, entities, extendedProperties, evidence, evidenceCount,
                newStatus, newClassification);
    }

    public List<String> techniqueIds() {
        return techniques.stream().map(MitreTechnique::id).toList();
    }
}
