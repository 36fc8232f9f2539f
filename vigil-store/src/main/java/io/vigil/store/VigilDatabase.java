package io.vigil.store;

import io.vigil.store.alerts.AlertRepository;
import io.vigil.store.audit.AuditLog;
import io.vigil.store.checkpoints.CheckpointRepository;
import io.vigil.store.pam.PamConnectionRepository;
import io.vigil.store.pam.PasswordResetRepository;
import io.vigil.store.directory.DirectoryInventoryRepository;
import io.vigil.store.directory.DirectorySourceRepository;
import io.vigil.store.directory.DirectorySyncStatusRepository;
import io.vigil.store.directory.IdentityMarkRepository;
import io.vigil.store.secrets.MasterKey;
import io.vigil.store.secrets.SecretStore;
import io.vigil.store.incidents.IncidentRepository;
import io.vigil.store.internal.Dialect;
import io.vigil.store.internal.StoreContext;
import io.vigil.store.outbox.OutboxRepository;
import io.vigil.store.outbox.SiemExporterRepository;
import io.vigil.store.settings.DetectorSettingsRepository;
import io.vigil.store.users.ApiTokenRepository;
import io.vigil.store.users.UserRepository;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The store's entry point: {@link #migrate} brings a database's schema up to date, {@link #open}
 * hands out the repositories. Works on H2 and PostgreSQL, told apart by the connection metadata.
 */
public final class VigilDatabase {

    private final DatabaseKind kind;
    private final AlertRepository alerts;
    private final IncidentRepository incidents;
    private final AuditLog auditLog;
    private final UserRepository users;
    private final ApiTokenRepository apiTokens;
    private final DetectorSettingsRepository detectorSettings;
    private final CheckpointRepository checkpoints;
    private final PamConnectionRepository pamConnections;
    private final PasswordResetRepository passwordResets;
    private final OutboxRepository outbox;
    private final SiemExporterRepository siemExporters;
    private final DirectorySourceRepository directorySources;
    private final DirectorySyncStatusRepository directorySyncStatus;
    private final DirectoryInventoryRepository directoryInventory;
    private final IdentityMarkRepository identityMarks;
    private final StoreContext store;

    private VigilDatabase(DataSource dataSource, DatabaseKind kind, Clock clock) {
        this.kind = kind;
        this.store = new StoreContext(dataSource, new Dialect(kind), clock);
        this.outbox = new OutboxRepository(store);
        this.siemExporters = new SiemExporterRepository(store);
        this.alerts = new AlertRepository(store, outbox);
        this.incidents = new IncidentRepository(store, alerts);
        this.auditLog = new AuditLog(store);
        this.users = new UserRepository(store);
        this.apiTokens = new ApiTokenRepository(store);
        this.detectorSettings = new DetectorSettingsRepository(store);
        this.checkpoints = new CheckpointRepository(store);
        this.pamConnections = new PamConnectionRepository(store);
        this.passwordResets = new PasswordResetRepository(store);
        this.directorySources = new DirectorySourceRepository(store);
        this.directorySyncStatus = new DirectorySyncStatusRepository(store);
        this.directoryInventory = new DirectoryInventoryRepository(store);
        this.identityMarks = new IdentityMarkRepository(store);
    }

    /** Applies the pending migrations; returns how many ran (0 when the schema is up to date). */
    public static int migrate(DataSource dataSource) {
        return migrateTo(dataSource, "latest");
    }

    /**
     * Applies the pending migrations up to and including {@code version} ("latest" for all): what an
     * upgrade test uses to build a database as an older release left it.
     */
    public static int migrateTo(DataSource dataSource, String version) {
        DatabaseKind kind = DatabaseKind.of(dataSource);
        return Flyway.configure(VigilDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", kind.migrationLocation())
                .placeholders(kind.columnTypePlaceholders())
                .failOnMissingLocations(true)
                .target(version)
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /** The repositories over an already migrated database, timed by the system clock in UTC. */
    public static VigilDatabase open(DataSource dataSource) {
        return open(dataSource, Clock.systemUTC());
    }

    public static VigilDatabase open(DataSource dataSource, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(clock, "clock");
        return new VigilDatabase(dataSource, DatabaseKind.of(dataSource), clock);
    }

    public DatabaseKind kind() {
        return kind;
    }

    public AlertRepository alerts() {
        return alerts;
    }

    public IncidentRepository incidents() {
        return incidents;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public UserRepository users() {
        return users;
    }

    public ApiTokenRepository apiTokens() {
        return apiTokens;
    }

    public DetectorSettingsRepository detectorSettings() {
        return detectorSettings;
    }

    public CheckpointRepository checkpoints() {
        return checkpoints;
    }

    public PamConnectionRepository pamConnections() {
        return pamConnections;
    }

    public PasswordResetRepository passwordResets() {
        return passwordResets;
    }

    /** The SIEM outbox: alert changes waiting for each exporter. */
    public OutboxRepository outbox() {
        return outbox;
    }

    public SiemExporterRepository siemExporters() {
        return siemExporters;
    }

    public DirectorySourceRepository directorySources() {
        return directorySources;
    }

    public DirectorySyncStatusRepository directorySyncStatus() {
        return directorySyncStatus;
    }

    public DirectoryInventoryRepository directoryInventory() {
        return directoryInventory;
    }

    public IdentityMarkRepository identityMarks() {
        return identityMarks;
    }

    /** Runs the work in one transaction: repository calls inside it join it, and all commit or none. */
    public void inTransaction(Runnable work) {
        store.inTransaction(work);
    }

    /** The integration credentials, encrypted and decrypted with this master key. */
    public SecretStore secrets(MasterKey key) {
        return new SecretStore(store, key);
    }
}
