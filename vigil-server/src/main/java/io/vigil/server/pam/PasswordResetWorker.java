package io.vigil.server.pam;

import io.vigil.server.internal.BackgroundThreads;

import io.vigil.integrations.pam.ChangeHandle;
import io.vigil.integrations.pam.ChangeState;
import io.vigil.integrations.pam.PamConnector;
import io.vigil.integrations.pam.PamException;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.server.security.AuditTrail;
import io.vigil.store.VigilDatabase;
import io.vigil.store.pam.PamConnection;
import io.vigil.store.pam.PamConnectionRepository;
import io.vigil.store.pam.PasswordReset;
import io.vigil.store.pam.PasswordResetRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries password resets through the vault, one step at a time, each step claimed in the store
 * from the state it expects (so a step is never taken twice): submit the change, then poll it until
 * the vault reports success or failure, or {@link #GIVE_UP_AFTER} passes. A request is submitted at
 * most once: one found half-submitted after a restart (the server stopped between asking the vault
 * and recording its answer) is reported as failed with advice to check the vault, never sent again.
 * Every outcome is audited.
 */
@Component
class PasswordResetWorker implements SmartLifecycle {

    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(15);
    private static final Duration POLL_EVERY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(PasswordResetWorker.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final PasswordResetRepository resets;
    private final PamConnectionRepository connections;
    private final VaultConfigs configs;
    private final AuditTrail audit;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    PasswordResetWorker(VigilDatabase database, VaultConfigs configs, AuditTrail audit) {
        this.resets = database.passwordResets();
        this.connections = database.pamConnections();
        this.configs = configs;
        this.audit = audit;
    }

    void wake() {
        wake.release();
    }

    @Override
    public void start() {
        running = true;
        for (PasswordReset r : resets.unfinished()) {
            if (r.state().equals("SUBMITTING")) {
                finish(r, "SUBMITTING", "FAILED", "the server stopped while submitting this request, so the vault may or"
                        + " may not have changed the password; check the account in the vault before asking again");
            }
        }
        thread = new Thread(this::run, "vigil-password-resets");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                for (PasswordReset r : resets.unfinished()) {
                    step(r);
                }
                wake.tryAcquire(POLL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("password reset worker: {}", e.toString());
            }
        }
    }

    private void step(PasswordReset r) {
        Optional<PamConnection> connection = connections.find(r.connectionId()).filter(PamConnection::enabled);
        if (connection.isEmpty()) {
            finish(r, r.state(), "FAILED", "the vault connection was deleted or disabled");
            return;
        }
        if (Instant.now().isAfter(r.releasedAt().plus(GIVE_UP_AFTER))) {
            finish(r, r.state(), "TIMED_OUT", "the vault did not finish the change within " + GIVE_UP_AFTER.toMinutes()
                    + " minutes; check the account in the vault");
            return;
        }
        switch (r.state()) {
            case "REQUESTED" -> submit(r, connection.get());
            case "SUBMITTED", "IN_PROGRESS" -> poll(r, connection.get());
            default -> {
                // SUBMITTING belongs to the step that claimed it
            }
        }
    }

    private void submit(PasswordReset r, PamConnection connection) {
        if (!resets.advance(r.id(), "REQUESTED", "SUBMITTING", null, null)) {
            return;
        }
        try (PamConnector vault = configs.of(connection).open()) {
            ChangeHandle handle = vault.requestPasswordChange(r.accountId());
            resets.advance(r.id(), "SUBMITTING", "SUBMITTED", connection.name() + " accepted the change",
                    JSON.writeValueAsString(handle));
            audited(r, "pam.reset.submit", AuditOutcome.SUCCESS, Map.of("vault", connection.name(),
                    "requestedBy", r.requestedBy()));
        } catch (PamException e) {
            finish(r, "SUBMITTING", "FAILED", e.getMessage());
        }
    }

    private void poll(PasswordReset r, PamConnection connection) {
        ChangeState state;
        try (PamConnector vault = configs.of(connection).open()) {
            state = vault.pollChange(JSON.readValue(r.handle(), ChangeHandle.class));
        } catch (PamException e) {
            log.info("password reset {}: polling {} failed, trying again: {}", r.id(), connection.name(), e.getMessage());
            return;
        }
        switch (state.status()) {
            case SUCCEEDED -> finish(r, r.state(), "SUCCEEDED", state.message());
            case FAILED -> finish(r, r.state(), "FAILED", state.message());
            default -> resets.advance(r.id(), r.state(), "IN_PROGRESS", state.message(), null);
        }
    }

    private void finish(PasswordReset r, String from, String state, String message) {
        if (resets.advance(r.id(), from, state, message, null)) {
            audited(r, "pam.reset." + state.toLowerCase(java.util.Locale.ROOT),
                    state.equals("SUCCEEDED") ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                    Map.of("requestedBy", r.requestedBy(), "message", String.valueOf(message)));
        }
    }

    /** The steps of an automatic response are the automatic response's, not an anonymous system's. */
    private void audited(PasswordReset r, String action, AuditOutcome outcome, Map<String, String> details) {
        if (AutomaticResponse.ACTOR.equals(r.requestedBy())) {
            audit.recordAs(AutomaticResponse.ACTOR, action, r.target(), outcome, details);
        } else {
            audit.record(action, r.target(), outcome, details);
        }
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        BackgroundThreads.awaitEnd(thread);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
