package io.vigil.server.pam;

import io.vigil.integrations.pam.ManagedAccount;
import io.vigil.integrations.pam.PamVendor;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.server.api.InvalidRequestException;
import io.vigil.server.api.ResourceNotFoundException;
import io.vigil.server.security.AuditTrail;
import io.vigil.store.AlreadyExistsException;
import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import io.vigil.store.VigilDatabase;
import io.vigil.store.pam.PamAccount;
import io.vigil.store.pam.PamConnection;
import io.vigil.store.pam.PamConnectionRepository;
import io.vigil.store.pam.PasswordReset;
import io.vigil.store.pam.PasswordResetRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Takes "reset password by <vendor>" requests: finds the vault that manages the identity, stores the
 * request once per idempotency key (a retried or double-clicked request is the same request) and
 * hands it to the {@link PasswordResetWorker}, which talks to the vault.
 */
@Service
public class PasswordResets {

    static final int MAX_REASON = 2_000;

    private final PasswordResetRepository resets;
    private final PamConnectionRepository connections;
    private final PasswordResetWorker worker;
    private final AuditTrail audit;

    PasswordResets(VigilDatabase database, PasswordResetWorker worker, AuditTrail audit) {
        this.resets = database.passwordResets();
        this.connections = database.pamConnections();
        this.worker = worker;
        this.audit = audit;
    }

    public record Requested(PasswordResetView reset, boolean created) {
    }

    public Requested request(PasswordResetRequest request, String idempotencyKey, String requestedBy) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new InvalidRequestException("Idempotency-Key", "send an Idempotency-Key header (at most 200 "
                    + "characters) so that a retried request never resets the password twice");
        }
        if (request == null || request.target() == null || request.target().isBlank()) {
            throw new InvalidRequestException("target", "name the identity, e.g. LAB\\svc_sql");
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > MAX_REASON) {
            throw new InvalidRequestException("reason", "give a reason of at most " + MAX_REASON + " characters");
        }
        PamAccount account = managedAccount(request.target().strip(), request.connectionId());
        PamConnection connection = connections.find(account.connectionId()).orElseThrow();
        PasswordResetRepository.Created created = resets.createOnce(new PasswordReset(UUID.randomUUID().toString(),
                idempotencyKey, account.connectionId(), account.accountId(), request.target().strip(),
                request.reason().strip(), requestedBy, request.alertId(), null, null, null, null, null));
        if (created.created()) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("vault", connection.name());
            details.put("reason", request.reason().strip());
            if (request.alertId() != null) {
                details.put("alert", request.alertId());
            }
            audit.record("pam.reset.request", request.target().strip(), AuditOutcome.SUCCESS, details);
            worker.wake();
        }
        return new Requested(view(created.reset()), created.created());
    }

    public PasswordResetView get(String id) {
        return view(resets.find(id).orElseThrow(() -> new ResourceNotFoundException("password reset", id)));
    }

    public Page<PasswordResetView> find(String target, PageRequest page) {
        return resets.find(target, page).map(this::view);
    }

    private PasswordResetView view(PasswordReset reset) {
        String action = connections.find(reset.connectionId())
                .map(c -> PamVendor.valueOf(c.vendor()).resetActionLabel()).orElse("Reset password");
        return PasswordResetView.of(reset, action);
    }

    /** The one account of an enabled vault that is this identity. */
    private PamAccount managedAccount(String target, String connectionId) {
        Identity who = Identity.parse(target);
        if (who.domain() == null) {
            throw new InvalidRequestException("target", "name the identity with its domain: DOMAIN\\account or a UPN");
        }
        List<PamAccount> candidates = connections.accountsNamed(who.account()).stream()
                .filter(a -> connectionId == null || connectionId.equals(a.connectionId()))
                .filter(a -> asManaged(a).matches(who.domain(), dnsNameOf(who.domain(), a.domain()), who.account(), who.upn()))
                .toList();
        if (candidates.isEmpty()) {
            throw new ResourceNotFoundException("account managed by a connected vault", target);
        }
        if (candidates.size() > 1) {
            throw new AlreadyExistsException(target + " is managed by " + candidates.size()
                    + " vault accounts; name the connection (connectionId) to use", null);
        }
        return candidates.get(0);
    }

    /**
     * The DNS name the vault uses for a domain named here by its NetBIOS name, when the vault's name
     * starts with it ({@code LAB} → {@code lab.local}); AD's usual naming, and all that can be assumed
     * until the directory inventory says which NetBIOS and DNS names belong together.
     */
    private static String dnsNameOf(String named, String vaultDomain) {
        if (vaultDomain == null || named.contains(".") || !vaultDomain.contains(".")) {
            return named;
        }
        String firstLabel = vaultDomain.substring(0, vaultDomain.indexOf('.'));
        return firstLabel.equalsIgnoreCase(named) ? vaultDomain : named;
    }

    private static ManagedAccount asManaged(PamAccount a) {
        return new ManagedAccount(null, a.accountId(), a.userName(), a.domain(), a.upn(), a.address(), a.container(),
                a.platform(), a.directoryAccount(), a.autoManaged(), a.lastChanged());
    }

    /** {@code DOMAIN\account}, {@code account@dns.domain} or a bare account name. */
    private record Identity(String domain, String account, String upn) {
        static Identity parse(String target) {
            int slash = target.indexOf('\\');
            if (slash > 0) {
                return new Identity(target.substring(0, slash), target.substring(slash + 1), null);
            }
            int at = target.indexOf('@');
            if (at > 0) {
                return new Identity(target.substring(at + 1), target.substring(0, at), target);
            }
            return new Identity(null, target, null);
        }
    }
}
