package io.vigil.server.incidents;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vigil.model.incident.TimelineEntry;
import io.vigil.server.alerts.EvidenceView;
import io.vigil.server.api.ApiValues;
import java.time.Instant;

/**
 * One line of an incident's timeline: an alert raised ({@code kind} {@code alert}) or an event that is
 * evidence for one ({@code evidence}, with the event).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntryView(Instant time, String kind, String alertId, String alertName, String severity,
                                EvidenceView evidence) {

    static TimelineEntryView of(TimelineEntry e) {
        return new TimelineEntryView(e.time(), ApiValues.name(e.kind()), e.alertId(), e.alertName(),
                ApiValues.name(e.severity()), e.evidence() == null ? null : EvidenceView.of(e.evidence()));
    }
}
