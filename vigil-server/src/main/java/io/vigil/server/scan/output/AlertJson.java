package io.vigil.server.scan.output;

import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.Evidence;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import java.io.StringWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/** Vigil's own JSON form of an alert: every field of the model, one object per alert. */
public final class AlertJson {

    private static final JsonFactory JSON = new JsonFactory();

    private AlertJson() {
    }

    public static String of(Alert a) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("id", a.id());
            g.writeStringProperty("type", a.type());
            g.writeStringProperty("externalId", a.externalId());
            g.writeStringProperty("alertTypeName", a.alertTypeName());
            g.writeStringProperty("name", a.name());
            g.writeStringProperty("severity", a.severity().sentinelName());
            g.writeStringProperty("status", a.status().sentinelName());
            g.writeStringProperty("classification", a.classification().name());
            g.writeStringProperty("description", a.description());
            g.writeStringProperty("startTime", a.startTime().toString());
            g.writeStringProperty("endTime", a.endTime().toString());
            g.writeStringProperty("compromisedEntity", a.compromisedEntity());
            g.writeArrayPropertyStart("tactics");
            for (MitreTactic t : a.tactics()) {
                g.writeString(t.sentinelName());
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("techniques");
            for (MitreTechnique t : a.techniques()) {
                g.writeString(t.id());
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("remediationSteps");
            for (String s : a.remediationSteps()) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("entities");
            for (Entity e : a.entities()) {
                g.writeStartObject();
                g.writeStringProperty("type", e.type());
                g.writeStringProperty("label", e.label());
                if (e instanceof Entity.AccountEntity acc && acc.sid() != null) {
                    g.writeStringProperty("sid", acc.sid());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectPropertyStart("extendedProperties");
            for (var p : a.extendedProperties().entrySet()) {
                g.writeStringProperty(p.getKey(), p.getValue());
            }
            g.writeEndObject();
            g.writeNumberProperty("evidenceCount", a.evidenceCount());
            g.writeArrayPropertyStart("evidence");
            for (Evidence ev : a.evidence()) {
                g.writeStartObject();
                g.writeStringProperty("time", ev.time().toString());
                g.writeNumberProperty("eventId", ev.eventId());
                g.writeStringProperty("computer", ev.computer());
                g.writeNumberProperty("recordId", ev.recordId());
                g.writeStringProperty("origin", ev.origin());
                g.writeStringProperty("summary", ev.summary());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toString();
    }
}
