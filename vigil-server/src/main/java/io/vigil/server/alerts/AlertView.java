package io.vigil.server.alerts;

import io.vigil.model.alert.Alert;
import io.vigil.server.api.ApiValues;
import io.vigil.server.pam.PasswordResetView;
import io.vigil.store.alerts.AlertComment;
import io.vigil.store.alerts.StoredAlert;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One alert with everything an analyst needs to decide on it.
 *
 * @param type          the detector that raised it
 * @param externalId    the Defender for Identity alert it follows, e.g. {@code 2410}
 * @param incidentId    the incident it was grouped into, or {@code null} while it is not grouped yet
 * @param evidenceCount how many events contributed; {@code evidence} may hold fewer
 * @param version       send it back (or the ETag) with a PATCH
 * @param passwordResets the password resets started from this alert (by an analyst or the automatic
 *                       response), newest first
 */
public record AlertView(String id, String type, String externalId, String alertTypeName, String name,
                        String severity, String status, String classification, String assignee,
                        String description, List<String> remediationSteps, Instant startTime, Instant endTime,
                        List<MitreView> tactics, List<MitreView> techniques, String compromisedEntity,
                        List<EntityView> entities, Map<String, String> extendedProperties,
                        List<EvidenceView> evidence, long evidenceCount, String incidentId,
                        List<CommentView> comments, Instant createdAt, Instant updatedAt, long version,
                        List<PasswordResetView> passwordResets) {

    static AlertView of(StoredAlert stored, String incidentId, List<AlertComment> comments,
                        List<PasswordResetView> passwordResets) {
        Alert a = stored.alert();
        return new AlertView(a.id(), a.type(), a.externalId(), a.alertTypeName(), a.name(),
                ApiValues.name(a.severity()), ApiValues.name(a.status()), ApiValues.name(a.classification()),
                stored.assignee(), a.description(), a.remediationSteps(), a.startTime(), a.endTime(),
                a.tactics().stream().map(MitreView::of).toList(),
                a.techniques().stream().map(MitreView::of).toList(),
                a.compromisedEntity(),
                a.entities().stream().map(EntityView::of).toList(),
                a.extendedProperties(),
                a.evidence().stream().map(EvidenceView::of).toList(),
                a.evidenceCount(), incidentId,
                comments.stream().map(CommentView::of).toList(),
                stored.createdAt(), stored.updatedAt(), stored.version(), passwordResets);
    }
}
