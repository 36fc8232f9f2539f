package io.vigil.server.directory;

import io.vigil.server.internal.BackgroundThreads;
import io.vigil.integrations.ldap.ConnectionCheck;
import io.vigil.integrations.ldap.DirectorySource;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.model.directory.DirectorySnapshot;
import io.vigil.model.directory.SyncErrorKind;
import io.vigil.model.directory.SyncMode;
import io.vigil.model.directory.SyncOutcome;
import io.vigil.model.directory.SyncResult;
import io.vigil.model.directory.SyncState;
import io.vigil.server.security.AuditTrail;
import io.vigil.store.StoreException;
import io.vigil.store.VigilDatabase;
import io.vigil.store.directory.StoredDirectorySource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Runs the directory syncs on one background thread: every enabled source on start and then every
 * {@code vigil.directory.sync-interval} (default 15 minutes), and any source on demand. A source
 * without an inventory gets a full sync, one with an inventory an incremental sync from it. A
 * successful sync is stored and re-tagged; a failed one leaves the inventory as it was and is
 * recorded as the source's status, logged and audited.
 */
@Service
class DirectorySyncService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DirectorySyncService.class);

    private final VigilDatabase database;
    private final LdapSources sources;
    private final InventoryTagging tagging;
    private final DirectoryInventory inventory;
    private final AuditTrail audit;
    private final Duration interval;
    private final Clock clock = Clock.systemUTC();
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService executor;

    DirectorySyncService(VigilDatabase database, LdapSources sources, InventoryTagging tagging,
                         DirectoryInventory inventory, AuditTrail audit,
                         @Value("${vigil.directory.sync-interval:15m}") Duration interval) {
        this.database = database;
        this.sources = sources;
        this.tagging = tagging;
        this.inventory = inventory;
        this.audit = audit;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = BackgroundThreads.scheduler("vigil-directory-sync");
        executor.scheduleWithFixedDelay(this::syncEnabledSources, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /**
     * Queues a sync of the source unless one is queued or running already.
     *
     * @param full a full sync even when an inventory exists
     * @return whether a sync was queued by this call
     */
    synchronized boolean requestSync(long sourceId, boolean full) {
        if (executor == null || !queued.add(sourceId)) {
            return false;
        }
        executor.execute(() -> sync(sourceId, full));
        return true;
    }

    boolean isQueued(long sourceId) {
        return queued.contains(sourceId);
    }

    ConnectionCheck check(StoredDirectorySource source) {
        if (!sources.passwordSet(source.domain())) {
            return new ConnectionCheck(false, null, -1, SyncErrorKind.CONFIGURATION, noPassword(source));
        }
        return sources.open(source).check();
    }

    private void syncEnabledSources() {
        for (StoredDirectorySource source : database.directorySources().all()) {
            if (source.settings().enabled() && queued.add(source.id())) {
                sync(source.id(), false);
            }
        }
    }

    private void sync(long sourceId, boolean full) {
        try {
            database.directorySources().findById(sourceId).ifPresent(source -> record(source, run(source, full)));
        } catch (RuntimeException e) {
            log.error("directory sync of source {} could not be recorded", sourceId, e);
        } finally {
            queued.remove(sourceId);
        }
    }

    private SyncOutcome run(StoredDirectorySource source, boolean full) {
        Instant started = clock.instant();
        DirectorySnapshot previous = full ? null : inventory.current().snapshots().get(source.domain());
        SyncMode mode = previous == null ? SyncMode.FULL : SyncMode.INCREMENTAL;
        if (!sources.passwordSet(source.domain())) {
            return failed(source, mode, started, SyncErrorKind.CONFIGURATION, noPassword(source));
        }
        SyncResult result;
        try {
            DirectorySource ldap = sources.open(source);
            result = previous == null ? ldap.fullSync() : ldap.incrementalSync(previous);
        } catch (RuntimeException e) {
            // the LDAP source reports directory trouble as an outcome; what escapes is local (CA file, secret store)
            return failed(source, mode, started, SyncErrorKind.CONFIGURATION, e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
        if (!result.outcome().succeeded()) {
            return result.outcome();
        }
        try {
            tagging.store(result);
        } catch (StoreException e) {
            return failed(source, result.outcome().mode(), started, SyncErrorKind.STORE,
                    "the inventory read from " + result.outcome().server() + " was not stored, the previous one stays"
                            + " in use: " + e.getMessage());
        }
        return result.outcome();
    }

    private void record(StoredDirectorySource source, SyncOutcome outcome) {
        database.directorySyncStatus().record(source.id(), outcome);
        if (outcome.succeeded()) {
            log.info("directory sync of {} ({}) from {}: {} identities, {} changed, {} removed", source.domain(),
                    outcome.mode(), outcome.server(), outcome.identities(), outcome.changed(), outcome.removed());
            return;
        }
        log.warn("directory sync of {} ({}) failed: {} {}", source.domain(), outcome.mode(), outcome.errorKind(),
                outcome.error());
        audit.record("directory.sync", source.domain(), AuditOutcome.FAILURE, Map.of("mode", outcome.mode().name(),
                "errorKind", outcome.errorKind().name(), "error", outcome.error()));
    }

    private SyncOutcome failed(StoredDirectorySource source, SyncMode mode, Instant started, SyncErrorKind kind,
                               String error) {
        return new SyncOutcome(source.domain(), mode, SyncState.FAILED, String.join(",", source.settings().hosts()),
                started, clock.instant(), 0, 0, 0, -1, kind, error, List.of());
    }

    private static String noPassword(StoredDirectorySource source) {
        return "no bind password is stored for " + source.domain() + "; set one by replacing the source with a password";
    }
}
