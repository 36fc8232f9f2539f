package io.vigil.server.pam;

import io.vigil.server.internal.PeriodicWork;
import io.vigil.store.VigilDatabase;
import io.vigil.store.pam.PamConnection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Syncs every enabled vault connection's accounts shortly after start and then every {@link #EVERY};
 * administrators can also sync one on demand. A vault that cannot be read keeps its last listing.
 */
@Component
class PamSyncSchedule extends PeriodicWork {

    static final Duration EVERY = Duration.ofMinutes(15);
    private static final Duration FIRST_AFTER = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(PamSyncSchedule.class);

    private final VigilDatabase database;
    private final PamConnections connections;

    PamSyncSchedule(VigilDatabase database, PamConnections connections) {
        super("vigil-pam-sync", FIRST_AFTER, EVERY);
        this.database = database;
        this.connections = connections;
    }

    @Override
    protected void round() {
        for (PamConnection c : database.pamConnections().all()) {
            if (!c.enabled()) {
                continue;
            }
            try {
                PamConnection synced = connections.sync(c.id());
                if (PamConnection.FAILED.equals(synced.status())) {
                    log.warn("PAM connection {} could not be synced: {}", c.name(), synced.statusMessage());
                }
            } catch (RuntimeException e) {
                log.warn("PAM connection {} could not be synced: {}", c.name(), e.toString());
            }
        }
    }
}
