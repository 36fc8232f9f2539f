package io.vigil.detection.builtin.goldenticket;

import io.vigil.detection.builtin.common.NamePatterns;
import io.vigil.detection.spi.ActivityWindow;
import io.vigil.detection.spi.AlertDraft;
import io.vigil.detection.spi.AlertText;
import io.vigil.detection.spi.DetectionContext;
import io.vigil.detection.spi.Detector;
import io.vigil.detection.spi.DetectorDescriptor;
import io.vigil.detection.spi.DirectoryView;
import io.vigil.detection.spi.DirectoryView.Trust;
import io.vigil.detection.spi.KeySelector;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import io.vigil.model.alert.Severity;
import io.vigil.model.identity.Account;
import io.vigil.model.identity.Endpoint;
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Suspected Golden Ticket usage (nonexistent account) (MDI 2027): a service ticket (4769) is requested
 * with a TGT whose client does not exist in Active Directory — a ticket forged with the KRBTGT key for
 * a made-up name. Keyed by that account.
 *
 * <p>Only accounts of a domain the directory inventory covers are judged. The inventory is read every
 * few minutes, so an account missing from an inventory older than the ticket may just be new: such a
 * use is held and judged again after {@code recheckAfter} and at the window's end, and reported only
 * when an inventory read after the first use still lacks the account. Replayed history is judged at
 * once against the inventory read since.
 */
public final class NonexistentAccountDetector implements Detector<ActivityWindow> {

    public static final String ID = "golden-ticket-nonexistent-account";

    static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor(
            ID, "2027", "ForgedPrincipalSecurityAlert", "Suspected Golden Ticket usage (nonexistent account)",
            Severity.HIGH,
            List.of(MitreTactic.PERSISTENCE, MitreTactic.PRIVILEGE_ESCALATION, MitreTactic.LATERAL_MOVEMENT),
            List.of(MitreTechnique.of("T1558.001", "Steal or Forge Kerberos Tickets: Golden Ticket"),
                    MitreTechnique.of("T1068", "Exploitation for Privilege Escalation"),
                    MitreTechnique.of("T1210", "Exploitation of Remote Services")),
            Set.of(IdentityEventKind.KERBEROS_SERVICE_TICKET_REQUEST), null,
            "A ticket for an account that does not exist can only be forged with the KRBTGT key: treat the"
                    + " domain as compromised. Contain the source computers, reset the KRBTGT password twice"
                    + " (waiting for replication in between), and look for how the KRBTGT hash was obtained"
                    + " (DCSync, a domain controller backup, NTDS.dit theft).");

    private static final String SERVICES = "services";
    private static final String ISSUED = "issued";

    private final Duration window;
    private final Duration recheckAfter;
    private final NamePatterns excluded;

    public NonexistentAccountDetector(NonexistentAccountConfig config) {
        this.window = config.window();
        this.recheckAfter = config.recheckAfter();
        this.excluded = NamePatterns.of(config.excludedAccounts());
    }

    @Override
    public DetectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public KeySelector key() {
        return KeySelector.ACTOR;
    }

    @Override
    public ActivityWindow newState() {
        return new ActivityWindow();
    }

    @Override
    public void onEvent(ActivityWindow w, IdentityEvent e, DetectionContext ctx) {
        Account client = e.actor();
        DirectoryView directory = ctx.directory();
        if (client == null || client.name() == null || excluded.matches(client.name())
                || !directory.knowsDomainOf(client)) {
            return;
        }
        Trust exists = directory.exists(client, e.time());
        if (exists == Trust.YES) {
            return;
        }
        if (w.roll(e.time(), window)) {
            if (recheckAfter.compareTo(window) < 0) {
                ctx.timer(w.start.plus(recheckAfter));
            }
            ctx.timer(w.start.plus(window));
        }
        record(w, e);
        if (w.alerted || exists == Trust.NO) {
            emit(w, ctx);
        }
    }

    @Override
    public void onTimer(ActivityWindow w, Instant time, DetectionContext ctx) {
        if (w.start == null) {
            return;
        }
        Account client = w.accounts.get(ctx.key());
        if (!w.alerted && client != null && ctx.directory().exists(client, w.start) == Trust.NO) {
            emit(w, ctx);
        }
        if (w.endedBy(time, window)) {
            w.reset();
        }
    }

    private static void record(ActivityWindow w, IdentityEvent e) {
        w.add(w.remember(e.actor()), e);
        w.remember(e.source());
        w.count(SERVICES, e.service());
        if (e.succeeded()) {
            w.count(ISSUED, "all");
        }
    }

    private void emit(ActivityWindow w, DetectionContext ctx) {
        Account client = w.accounts.get(ctx.key());
        String who = client == null ? ctx.key() : client.display();
        List<String> services = List.copyOf(w.tally(SERVICES).keySet());
        int issued = w.tally(ISSUED).getOrDefault("all", 0);
        AlertDraft alert = AlertDraft.of(DESCRIPTOR, ctx.key(), w.start)
                .end(w.last)
                .evidence(w.evidence, w.total)
                .description(who + ", which does not exist in Active Directory, used a Kerberos ticket: "
                        + AlertText.count(w.total, "service ticket request")
                        + AlertText.from(w.endpoints.values())
                        + (services.isEmpty() ? "" : " to access " + AlertText.countedNames(services, "resource"))
                        + " " + AlertText.within(w.start, w.last) + ", " + issued + " granted.")
                .compromised(who)
                .accounts(w.accounts.values())
                .endpoints(w.endpoints.values())
                .property("Sources", AlertText.all(w.endpoints.values().stream().map(Endpoint::display).toList()))
                .property("Services", AlertText.all(services))
                .property("TicketRequests", w.total)
                .property("TicketsGranted", issued);
        ctx.emit(alert.build());
        w.alerted = true;
    }
}
