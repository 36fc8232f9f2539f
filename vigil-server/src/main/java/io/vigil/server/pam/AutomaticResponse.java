package io.vigil.server.pam;

import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Entity;
import io.vigil.model.alert.Severity;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.TaggedIdentity;
import io.vigil.model.identity.Account;
import io.vigil.server.detection.AlertsStored;
import io.vigil.server.detectors.ResponseSettings;
import io.vigil.server.detectors.ResponseSettings.PasswordReset;
import io.vigil.server.directory.DirectoryInventory;
import io.vigil.server.directory.InventoryIndex;
import io.vigil.server.security.AuditTrail;
import io.vigil.store.VigilDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The automatic response to credential theft, off unless an administrator turns it on for a detector
 * ({@link ResponseSettings#RESET_PASSWORD}): when that detector's stored alert is of high severity,
 * every account the alert names that a connected vault manages gets a password reset through the same
 * path an analyst's request takes — at once, or waiting for an administrator's approval. One request
 * per alert and identity, however often the alert is raised again and across restarts (its
 * idempotency key is derived from both). Every automatic step is audited as {@link #ACTOR}.
 */
@Component
class AutomaticResponse implements DisposableBean {

    static final String ACTOR = "system (automatic response)";
    /** An alert naming more managed accounts than this resets these first ones only; the rest is audited as skipped. */
    static final int MAX_RESETS_PER_ALERT = 10;
    private static final int QUEUE = 10_000;
    private static final Logger log = LoggerFactory.getLogger(AutomaticResponse.class);

    private final VigilDatabase database;
    private final DirectoryInventory inventory;
    private final PasswordResets resets;
    private final AuditTrail audit;
    /** Problems already audited, by alert and identity, so an alert raised again does not repeat them. */
    private final Set<String> reported = Collections.newSetFromMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(QUEUE), r -> {
                Thread t = new Thread(r, "vigil-automatic-response");
                t.setDaemon(true);
                return t;
            }, (task, pool) -> log.warn("automatic response: {} alerts waiting; this one is left to analysts", QUEUE));

    AutomaticResponse(VigilDatabase database, DirectoryInventory inventory, PasswordResets resets, AuditTrail audit) {
        this.database = database;
        this.inventory = inventory;
        this.resets = resets;
        this.audit = audit;
    }

    /** Cheap filtering on the alert writer's thread; the work is done on the response's own. */
    @EventListener
    void onAlertsStored(AlertsStored stored) {
        for (Alert alert : stored.alerts()) {
            if (alert.severity() == Severity.HIGH && hasAccounts(alert)) {
                worker.execute(() -> respond(alert));
            }
        }
    }

    void respond(Alert alert) {
        try {
            PasswordReset mode = ResponseSettings.passwordReset(database.detectorSettings().valuesOf(alert.type()));
            if (mode == PasswordReset.OFF) {
                return;
            }
            List<TaggedIdentity> managed = managedAccountsOf(alert);
            for (int i = 0; i < managed.size(); i++) {
                DirectoryIdentity identity = managed.get(i).identity();
                String target = label(identity);
                if (i >= MAX_RESETS_PER_ALERT) {
                    failed(alert, identity, target, "skipped: the alert names more than " + MAX_RESETS_PER_ALERT
                            + " vault-managed accounts, which the automatic response never resets at once");
                    continue;
                }
                request(alert, identity, target, mode == PasswordReset.AFTER_APPROVAL);
            }
        } catch (RuntimeException e) {
            log.warn("automatic response to alert {} failed: {}", alert.id(), e.toString());
        }
    }

    private void request(Alert alert, DirectoryIdentity identity, String target, boolean awaitApproval) {
        try {
            resets.requestAutomatically(alert.id(), alert.name(), identity.objectGuid(), target, awaitApproval);
        } catch (RuntimeException e) {
            failed(alert, identity, target, String.valueOf(e.getMessage()));
        }
    }

    /** Audits, once per alert and identity, a reset the automatic response could not ask for. */
    private void failed(Alert alert, DirectoryIdentity identity, String target, String message) {
        if (reported.add(alert.id() + ":" + identity.objectGuid())) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("alert", alert.id());
            details.put("message", message);
            audit.recordAs(ACTOR, "pam.reset.request", target, AuditOutcome.FAILURE, details);
        }
    }

    /** The directory identities of the alert's accounts that a connected vault manages, each once. */
    private List<TaggedIdentity> managedAccountsOf(Alert alert) {
        InventoryIndex index = inventory.current();
        Set<TaggedIdentity> managed = new LinkedHashSet<>();
        for (Entity entity : alert.entities()) {
            if (entity instanceof Entity.AccountEntity a) {
                index.resolve(Account.of(a.ntDomain(), a.name(), a.sid()))
                        .filter(t -> !index.vaultAccountsOf(t.identity().objectGuid()).isEmpty())
                        .ifPresent(managed::add);
            }
        }
        return new ArrayList<>(managed);
    }

    private static boolean hasAccounts(Alert alert) {
        return alert.entities().stream().anyMatch(Entity.AccountEntity.class::isInstance);
    }

    /** {@code LAB\svc_sql}: the NetBIOS-style name analysts use, from the identity's DNS domain. */
    private static String label(DirectoryIdentity identity) {
        String name = identity.samAccountName() != null ? identity.samAccountName() : identity.distinguishedName();
        if (identity.domain() == null) {
            return name;
        }
        return identity.domain().split("\\.")[0].toUpperCase(Locale.ROOT) + "\\" + name;
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
