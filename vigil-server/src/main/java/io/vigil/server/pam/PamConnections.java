package io.vigil.server.pam;

import io.vigil.integrations.pam.ManagedAccount;
import io.vigil.integrations.pam.PamConnector;
import io.vigil.integrations.pam.PamException;
import io.vigil.integrations.pam.PamOutcome;
import io.vigil.integrations.pam.PamVendor;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.server.api.ApiValues;
import io.vigil.server.directory.InventoryTagging;
import io.vigil.server.api.InvalidRequestException;
import io.vigil.server.api.ResourceNotFoundException;
import io.vigil.server.security.AuditTrail;
import io.vigil.store.VigilDatabase;
import io.vigil.store.pam.PamAccount;
import io.vigil.store.pam.PamConnection;
import io.vigil.store.pam.PamConnectionRepository;
import io.vigil.store.secrets.SecretStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Vault connections: configured and deleted by administrators (credentials into the secret store),
 * tested, and synced for the accounts each vault manages. A failed sync records the error and keeps
 * the accounts of the last good one, so tags already known never flicker with a vault's outages.
 */
@Service
public class PamConnections {

    private final PamConnectionRepository repository;
    private final SecretStore secrets;
    private final VaultConfigs configs;
    private final AuditTrail audit;
    private final InventoryTagging tagging;
    private final VaultActivitySync activity;
    private final VaultActivityRecords activityRecords;

    PamConnections(VigilDatabase database, SecretStore secrets, VaultConfigs configs, AuditTrail audit,
            InventoryTagging tagging, VaultActivitySync activity, VaultActivityRecords activityRecords) {
        this.repository = database.pamConnections();
        this.secrets = secrets;
        this.configs = configs;
        this.audit = audit;
        this.tagging = tagging;
        this.activity = activity;
        this.activityRecords = activityRecords;
    }

    public List<PamConnectionView> list() {
        return repository.all().stream().map(this::view).toList();
    }

    public PamConnectionView view(PamConnection c) {
        return PamConnectionView.of(c, secrets.exists(VaultConfigs.secretName(c.id())));
    }

    public PamConnection get(String id) {
        return repository.find(id).orElseThrow(() -> new ResourceNotFoundException("PAM connection", id));
    }

    public PamConnection create(PamConnectionRequest request) {
        if (blank(request.secret())) {
            throw new InvalidRequestException("secret", "a new connection needs the secret its sign-in uses");
        }
        PamConnection c = repository.create(validated(UUID.randomUUID().toString(), request));
        storeSecrets(c.id(), request);
        audit.record("pam.connection.create", target(c), AuditOutcome.SUCCESS, details(c));
        return c;
    }

    public PamConnection update(String id, PamConnectionRequest request) {
        PamConnection before = get(id);
        if (!before.vendor().equals(vendor(request).name())) {
            throw new InvalidRequestException("vendor", "a connection's vendor cannot change; add a new connection");
        }
        PamConnection c = repository.update(validated(id, request));
        storeSecrets(id, request);
        tagging.retag();
        if (!c.enabled()) {
            activityRecords.forget(id);
        }
        Map<String, String> details = details(c);
        details.put("secretChanged", Boolean.toString(!blank(request.secret())));
        audit.record("pam.connection.update", target(c), AuditOutcome.SUCCESS, details);
        return c;
    }

    public void delete(String id) {
        PamConnection c = get(id);
        repository.delete(id);
        tagging.retag();
        activityRecords.forget(id);
        secrets.delete(VaultConfigs.secretName(id));
        secrets.delete(VaultConfigs.runAsPasswordName(id));
        audit.record("pam.connection.delete", target(c), AuditOutcome.SUCCESS, Map.of());
    }

    /** Signs in and makes one read; the outcome becomes the connection's status. */
    public PamOutcome test(String id) {
        PamConnection c = get(id);
        PamOutcome outcome;
        try (PamConnector connector = configs.of(c).open()) {
            outcome = connector.testConnection();
        }
        repository.recordStatus(id, outcome.ok() ? PamConnection.CONNECTED : PamConnection.FAILED, outcome.message());
        audit.record("pam.connection.test", target(c), outcome.ok() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                Map.of("message", String.valueOf(outcome.message())));
        return outcome;
    }

    /**
     * Reads every account the vault manages, then the sessions it brokered; the previous listing and
     * sessions stay when the vault cannot be read.
     */
    public PamConnection sync(String id) {
        PamConnection c = get(id);
        try (PamConnector connector = configs.of(c).open()) {
            List<ManagedAccount> accounts = connector.listManagedAccounts();
            repository.replaceAccounts(id, accounts.stream().map(a -> stored(id, a)).toList());
            tagging.retag();
        } catch (PamException e) {
            repository.recordStatus(id, PamConnection.FAILED, e.getMessage());
            return get(id);
        }
        activity.sync(get(id));
        return get(id);
    }

    public List<PamAccount> accounts(String id) {
        get(id);
        return repository.accounts(id);
    }

    private static PamAccount stored(String connectionId, ManagedAccount a) {
        return new PamAccount(connectionId, a.id(), a.userName(), a.domain(), a.userPrincipalName(), a.address(),
                a.container(), a.platform(), a.directoryAccount(), a.autoManaged(), a.lastChanged());
    }

    private void storeSecrets(String id, PamConnectionRequest request) {
        if (!blank(request.secret())) {
            secrets.put(VaultConfigs.secretName(id), request.secret().toCharArray());
        }
        if (!blank(request.runAsPassword())) {
            secrets.put(VaultConfigs.runAsPasswordName(id), request.runAsPassword().toCharArray());
        }
    }

    private static PamConnection validated(String id, PamConnectionRequest r) {
        if (blank(r.name()) || r.name().length() > 200) {
            throw new InvalidRequestException("name", "a connection needs a name of at most 200 characters");
        }
        PamVendor vendor = vendor(r);
        VaultSignIn signIn = ApiValues.parse(VaultSignIn.class, "auth", r.auth());
        if (signIn.vendor() != vendor) {
            throw new InvalidRequestException("auth", ApiValues.name(signIn) + " is not a way to sign in to "
                    + vendor.displayName());
        }
        httpUrl("url", r.url());
        if (signIn == VaultSignIn.IDENTITY_CLIENT) {
            httpUrl("identityUrl", r.identityUrl());
        }
        if (blank(r.user()) && signIn != VaultSignIn.API_KEY) {
            throw new InvalidRequestException("user", "this sign-in needs the user or client id");
        }
        return new PamConnection(id, r.name().strip(), vendor.name(), signIn.name(), r.url().strip(),
                blank(r.identityUrl()) ? null : r.identityUrl().strip(), blank(r.user()) ? null : r.user().strip(),
                blank(r.domain()) ? null : r.domain().strip(), sessionHosts(r.sessionHosts()),
                r.enabled() == null || r.enabled(),
                PamConnection.UNKNOWN, null, null, null, 0, null, null);
    }

    static final int MAX_SESSION_HOSTS = 50;

    private static List<String> sessionHosts(List<String> hosts) {
        if (hosts == null) {
            return List.of();
        }
        if (hosts.size() > MAX_SESSION_HOSTS) {
            throw new InvalidRequestException("sessionHosts", "name at most " + MAX_SESSION_HOSTS + " session hosts");
        }
        List<String> named = new ArrayList<>();
        for (String host : hosts) {
            String h = host == null ? "" : host.strip();
            if (h.isEmpty() || h.length() > 255 || !h.matches("[A-Za-z0-9._:\\-]+")) {
                throw new InvalidRequestException("sessionHosts", "'" + host + "' is not a host name or IP address");
            }
            if (!named.contains(h)) {
                named.add(h);
            }
        }
        return named;
    }

    private static PamVendor vendor(PamConnectionRequest r) {
        return ApiValues.parse(PamVendor.class, "vendor", r.vendor());
    }

    private static void httpUrl(String field, String value) {
        try {
            URI uri = URI.create(value == null ? "" : value.strip());
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "an absolute http(s) URL is needed, e.g. https://pvwa.corp.local/PasswordVault/");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String target(PamConnection c) {
        return "pam connection " + c.name() + " (" + c.id() + ")";
    }

    private static Map<String, String> details(PamConnection c) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("vendor", c.vendor());
        details.put("auth", c.authMode());
        details.put("url", c.url());
        details.put("enabled", Boolean.toString(c.enabled()));
        details.put("sessionHosts", String.join(",", c.sessionHosts()));
        return details;
    }
}
