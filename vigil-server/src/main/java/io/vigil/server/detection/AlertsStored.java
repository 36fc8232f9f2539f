package io.vigil.server.detection;

import io.vigil.model.alert.Alert;
import java.util.List;

/**
 * Published on the alert writer's thread after alerts raised by detectors were stored (new ones and
 * updates), for whatever reacts to alerts; a listener that does real work hands it to its own thread.
 */
public record AlertsStored(List<Alert> alerts) {

    public AlertsStored {
        alerts = List.copyOf(alerts);
    }
}
