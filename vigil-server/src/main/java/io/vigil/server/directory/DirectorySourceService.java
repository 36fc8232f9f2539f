package io.vigil.server.directory;

import io.vigil.integrations.ldap.TransportSecurity;
import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.model.directory.DirectorySnapshot;
import io.vigil.model.directory.SyncMode;
import io.vigil.model.directory.SyncOutcome;
import io.vigil.server.api.ApiValues;
import io.vigil.server.api.InvalidRequestException;
import io.vigil.server.api.ResourceNotFoundException;
import io.vigil.server.security.AuditTrail;
import io.vigil.store.AlreadyExistsException;
import io.vigil.store.VigilDatabase;
import io.vigil.store.directory.DirectorySourceSettings;
import io.vigil.store.directory.StoredDirectorySource;
import io.vigil.store.secrets.SecretStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Directory sources: checked, stored (the bind password in the secret store, encrypted, never
 * anywhere else), audited without secrets, and handed to the sync service when they change.
 */
@Service
public class DirectorySourceService {

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}\\.)*[a-z0-9-]{1,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]-]{1,253}");
    private static final int MAX_PAGE_SIZE = 5_000;

    private final VigilDatabase database;
    private final SecretStore secrets;
    private final LdapSources sources;
    private final DirectorySyncService sync;
    private final InventoryTagging tagging;
    private final DirectoryInventory inventory;
    private final AuditTrail audit;

    DirectorySourceService(VigilDatabase database, SecretStore secrets, LdapSources sources, DirectorySyncService sync,
                           InventoryTagging tagging, DirectoryInventory inventory, AuditTrail audit) {
        this.database = database;
        this.secrets = secrets;
        this.sources = sources;
        this.sync = sync;
        this.tagging = tagging;
        this.inventory = inventory;
        this.audit = audit;
    }

    public List<DirectorySourceView> list() {
        return database.directorySources().all().stream().map(this::view).toList();
    }

    public DirectorySourceView get(long id) {
        return view(find(id));
    }

    StoredDirectorySource find(long id) {
        return database.directorySources().findById(id)
                .orElseThrow(() -> new ResourceNotFoundException("directory source", Long.toString(id)));
    }

    /** Stores a new source and starts its first (full) sync. */
    public DirectorySourceView create(DirectorySourceRequest request, String user) {
        try {
            DirectorySourceSettings settings = settingsOf(request);
            if (request.password() == null || request.password().length == 0) {
                throw new InvalidRequestException("password", "password: the bind account's password is required");
            }
            StoredDirectorySource created;
            try {
                created = database.directorySources().create(settings, user);
            } catch (AlreadyExistsException e) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
            }
            secrets.put(LdapSources.secretName(settings.domain()), request.password());
            audit.record("directory.source.create", settings.domain(), AuditOutcome.SUCCESS,
                    describe(settings, true));
            sync.requestSync(created.id(), false);
            return view(created);
        } finally {
            SecretSupplier.wipe(request.password());
        }
    }

    /** Replaces a source's settings; its domain cannot change (its inventory and secret are filed under it). */
    public DirectorySourceView replace(long id, DirectorySourceRequest request, String user) {
        try {
            StoredDirectorySource before = find(id);
            DirectorySourceSettings settings = settingsOf(request);
            if (!settings.domain().equals(before.domain())) {
                throw new InvalidRequestException("domain", "domain: a source's domain cannot change; delete the"
                        + " source of " + before.domain() + " and create one for " + settings.domain());
            }
            StoredDirectorySource updated = database.directorySources().update(id, settings, user);
            boolean passwordChanged = request.password() != null && request.password().length > 0;
            if (passwordChanged) {
                secrets.put(LdapSources.secretName(settings.domain()), request.password());
            }
            audit.record("directory.source.update", settings.domain(), AuditOutcome.SUCCESS,
                    describe(settings, passwordChanged));
            return view(updated);
        } finally {
            SecretSupplier.wipe(request.password());
        }
    }

    /** Deletes the source, its password and its domain's inventory. */
    public void delete(long id) {
        StoredDirectorySource source = find(id);
        database.directorySources().delete(id);
        secrets.delete(LdapSources.secretName(source.domain()));
        tagging.forget(source.domain());
        audit.record("directory.source.delete", source.domain(), AuditOutcome.SUCCESS, Map.of());
    }

    /** Connects, binds and reads the root DSE and base DN, syncing nothing; audited either way. */
    public ConnectionCheckView test(long id) {
        StoredDirectorySource source = find(id);
        ConnectionCheckView check = ConnectionCheckView.of(sync.check(source));
        audit.record("directory.source.test", source.domain(), check.ok() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                check.ok() ? Map.of() : Map.of("errorKind", check.errorKind(), "error", check.error()));
        return check;
    }

    /** Queues a sync in the background (incremental falls back to full without an inventory); audited. */
    public SyncStatusView requestSync(long id, boolean full) {
        StoredDirectorySource source = find(id);
        boolean queued = sync.requestSync(id, full);
        audit.record("directory.source.sync", source.domain(), AuditOutcome.SUCCESS,
                Map.of("mode", full ? "full" : "incremental", "queued", Boolean.toString(queued)));
        return status(source);
    }

    public SyncStatusView status(long id) {
        return status(find(id));
    }

    private SyncStatusView status(StoredDirectorySource source) {
        List<SyncOutcome> outcomes = database.directorySyncStatus().lastOutcomes(source.id());
        DirectorySnapshot snapshot = inventory.current().snapshots().get(source.domain());
        return new SyncStatusView(source.id(), source.domain(), sync.isQueued(source.id()),
                snapshot == null ? null : new SyncStatusView.InventoryView(snapshot.identities().size(),
                        snapshot.syncedAt(), snapshot.server(), snapshot.highestUsn()),
                outcomes.isEmpty() ? null : SyncOutcomeView.of(outcomes.get(0)),
                ofMode(outcomes, SyncMode.FULL), ofMode(outcomes, SyncMode.INCREMENTAL));
    }

    private static SyncOutcomeView ofMode(List<SyncOutcome> outcomes, SyncMode mode) {
        return outcomes.stream().filter(o -> o.mode() == mode).findFirst().map(SyncOutcomeView::of).orElse(null);
    }

    private DirectorySourceView view(StoredDirectorySource source) {
        return DirectorySourceView.of(source, sources.passwordSet(source.domain()));
    }

    private static DirectorySourceSettings settingsOf(DirectorySourceRequest r) {
        String domain = required("domain", r.domain()).toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(domain).matches()) {
            throw new InvalidRequestException("domain", "domain: '" + r.domain() + "' is not a DNS domain name");
        }
        if (r.hosts() == null || r.hosts().isEmpty()) {
            throw new InvalidRequestException("hosts", "hosts: name at least one domain controller");
        }
        List<String> hosts = r.hosts().stream().map(h -> h == null ? "" : h.strip()).toList();
        hosts.stream().filter(h -> !HOST.matcher(h).matches()).findFirst().ifPresent(h -> {
            throw new InvalidRequestException("hosts", "hosts: '" + h + "' is not a host name or address");
        });
        TransportSecurity security = r.security() == null ? TransportSecurity.LDAPS
                : ApiValues.parse(TransportSecurity.class, "security", r.security());
        boolean pinned = r.pinnedCertificates() != null && !r.pinnedCertificates().isEmpty();
        boolean caFile = r.caFile() != null && !r.caFile().isBlank();
        if (pinned && caFile) {
            throw new InvalidRequestException("caFile", "caFile and pinnedCertificates: give one of them, not both");
        }
        String trustKind = pinned ? LdapSources.PINNED : caFile ? LdapSources.CA_FILE : LdapSources.NONE;
        String trustValue = pinned ? String.join(",", r.pinnedCertificates()) : caFile ? r.caFile().strip() : null;
        int port = r.port() != null ? r.port() : security == TransportSecurity.LDAPS ? 636 : 389;
        int pageSize = r.pageSize() == null ? 500 : r.pageSize();
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("pageSize", "pageSize: between 1 and " + MAX_PAGE_SIZE);
        }
        DirectorySourceSettings settings = new DirectorySourceSettings(domain, hosts, port, security.name(), trustKind,
                trustValue, required("baseDn", r.baseDn()), required("bindDn", r.bindDn()),
                r.enabled() == null || r.enabled(), pageSize);
        try {
            LdapSources.configOf(settings).bind(settings.bindDn(), () -> new char[0]).build();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw new InvalidRequestException(message.startsWith("port") ? "port"
                    : message.contains("fingerprint") || message.contains("pin") ? "pinnedCertificates" : "security",
                    message);
        }
        return settings;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, field + " is required");
        }
        return value.strip();
    }

    private static Map<String, String> describe(DirectorySourceSettings s, boolean passwordChanged) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("hosts", String.join(",", s.hosts()));
        details.put("port", Integer.toString(s.port()));
        details.put("security", s.security());
        details.put("trust", s.trustKind());
        details.put("baseDn", s.baseDn());
        details.put("bindDn", s.bindDn());
        details.put("enabled", Boolean.toString(s.enabled()));
        details.put("passwordChanged", Boolean.toString(passwordChanged));
        return details;
    }
}
