package io.vigil.server.pam;

import io.vigil.integrations.pam.PamVendor;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.server.api.InvalidRequestException;
import io.vigil.server.api.ResourceNotFoundException;
import io.vigil.server.pam.ResetTargets.ResetTarget;
import io.vigil.server.security.AuditTrail;
import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import io.vigil.store.VigilDatabase;
import io.vigil.store.pam.PamConnection;
import io.vigil.store.pam.PamConnectionRepository;
import io.vigil.store.pam.PasswordReset;
import io.vigil.store.pam.PasswordResetRepository;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Takes "reset password by <vendor>" requests, from an analyst or from the automatic response to an
 * alert: finds the vault account that manages the identity ({@link ResetTargets}), stores the request
 * once per idempotency key (a retried or double-clicked request, or an alert raised again, is the same
 * request) and hands it to the {@link PasswordResetWorker}, which talks to the vault. An automatic
 * request may wait for an administrator's approval first.
 */
@Service
public class PasswordResets {

    static final int MAX_REASON = 2_000;
    static final int MAX_COMMENT = 2_000;

    private final PasswordResetRepository resets;
    private final PamConnectionRepository connections;
    private final ResetTargets targets;
    private final PasswordResetWorker worker;
    private final AuditTrail audit;

    PasswordResets(VigilDatabase database, ResetTargets targets, PasswordResetWorker worker, AuditTrail audit) {
        this.resets = database.passwordResets();
        this.connections = database.pamConnections();
        this.targets = targets;
        this.worker = worker;
        this.audit = audit;
    }

    /** The request as stored, and whether this call stored it (false: an earlier request with the same key). */
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
        String target = request.target().strip();
        ResetTarget resolved = targets.resolve(target, request.connectionId());
        PasswordResetRepository.Created created = resets.createOnce(PasswordReset.request(UUID.randomUUID().toString(),
                idempotencyKey, resolved.connectionId(), resolved.accountId(), target, resolved.identityId(),
                request.reason().strip(), requestedBy, request.alertId(), PasswordReset.REQUESTED));
        if (created.created()) {
            audit.record("pam.reset.request", target, AuditOutcome.SUCCESS, details(created.reset()));
            worker.wake();
        }
        return new Requested(view(created.reset()), created.created());
    }

    /**
     * The automatic response's request for one identity an alert put at risk: at most one per alert and
     * identity, however often the alert is raised again and across restarts.
     *
     * @param awaitApproval whether an administrator must approve it before the vault is asked
     */
    Requested requestAutomatically(String alertId, String alertName, UUID identity, String target,
                                   boolean awaitApproval) {
        String key = "auto:" + alertId + ":" + identity;
        Optional<PasswordReset> earlier = resets.findByKey(key);
        if (earlier.isPresent()) {
            return new Requested(view(earlier.get()), false);
        }
        ResetTarget resolved = targets.forIdentity(identity, target, null);
        String reason = "Automatic response to the alert \"" + alertName + "\" (" + alertId + ")";
        PasswordResetRepository.Created created = resets.createOnce(PasswordReset.request(UUID.randomUUID().toString(),
                key, resolved.connectionId(), resolved.accountId(), target, resolved.identityId(),
                reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason, AutomaticResponse.ACTOR,
                alertId, awaitApproval ? PasswordReset.AWAITING_APPROVAL : PasswordReset.REQUESTED));
        if (created.created()) {
            Map<String, String> details = details(created.reset());
            details.put("approval", awaitApproval ? "waiting for an administrator" : "not required");
            audit.recordAs(AutomaticResponse.ACTOR, "pam.reset.request", target, AuditOutcome.SUCCESS, details);
            if (!awaitApproval) {
                worker.wake();
            }
        }
        return new Requested(view(created.reset()), created.created());
    }

    /** An administrator lets a request that waited for approval go to the vault. */
    public PasswordResetView approve(String id, String user, String comment) {
        return decide(id, true, user, comment);
    }

    /** An administrator turns down a request that waited for approval; nothing is sent to the vault. */
    public PasswordResetView reject(String id, String user, String comment) {
        return decide(id, false, user, comment);
    }

    private PasswordResetView decide(String id, boolean approve, String user, String comment) {
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > MAX_COMMENT) {
            throw new InvalidRequestException("comment", "a comment may hold at most " + MAX_COMMENT + " characters");
        }
        PasswordReset reset = resets.find(id).orElseThrow(() -> new ResourceNotFoundException("password reset", id));
        String message = (approve ? "approved by " : "rejected by ") + user + (note == null ? "" : ": " + note);
        if (!resets.decide(id, approve, user, message)) {
            throw new InvalidRequestException("state", "password reset " + id + " is "
                    + reset.state().toLowerCase(Locale.ROOT) + ", not awaiting approval");
        }
        Map<String, String> details = details(reset);
        if (note != null) {
            details.put("comment", note);
        }
        audit.record(approve ? "pam.reset.approve" : "pam.reset.reject", reset.target(), AuditOutcome.SUCCESS, details);
        if (approve) {
            worker.wake();
        }
        return get(id);
    }

    public PasswordResetView get(String id) {
        return view(resets.find(id).orElseThrow(() -> new ResourceNotFoundException("password reset", id)));
    }

    public Page<PasswordResetView> find(String target, PageRequest page) {
        return resets.find(target, page).map(this::view);
    }

    /** The resets started from these alerts, newest first. */
    public List<PasswordResetView> forAlerts(Collection<String> alertIds) {
        return resets.forAlerts(alertIds).stream().map(this::view).toList();
    }

    /** The resets of a directory identity (by objectGUID), newest first. */
    public List<PasswordResetView> forIdentity(String identityId) {
        return resets.forIdentity(identityId).stream().map(this::view).toList();
    }

    private PasswordResetView view(PasswordReset reset) {
        String action = connections.find(reset.connectionId())
                .map(c -> PamVendor.valueOf(c.vendor()).resetActionLabel()).orElse("Reset password");
        return PasswordResetView.of(reset, action);
    }

    private Map<String, String> details(PasswordReset reset) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("vault", connections.find(reset.connectionId()).map(PamConnection::name).orElse(reset.connectionId()));
        details.put("reason", reset.reason());
        details.put("requestedBy", reset.requestedBy());
        if (reset.alertId() != null) {
            details.put("alert", reset.alertId());
        }
        return details;
    }
}
