package io.vigil.server.alerts;

import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;

/** A MITRE ATT&amp;CK tactic or technique: its id ({@code TA0006}, {@code T1558.003}) and name. */
public record MitreView(String id, String name) {

    static MitreView of(MitreTactic tactic) {
        return new MitreView(tactic.id(), tactic.sentinelName());
    }

    static MitreView of(MitreTechnique technique) {
        return new MitreView(technique.id(), technique.name());
    }
}
