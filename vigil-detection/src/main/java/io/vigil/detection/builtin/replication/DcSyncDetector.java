package io.vigil.detection.builtin.replication;

import io.vigil.detection.builtin.common.NamePatterns;
import io.vigil.detection.spi.ActivityWindow;
import io.vigil.detection.spi.AlertDraft;
import io.vigil.detection.spi.AlertText;
import io.vigil.detection.spi.DetectorDescriptor;
import io.vigil.detection.spi.DirectoryView;
import io.vigil.detection.spi.DirectoryView.Trust;
import io.vigil.detection.spi.KeySelector;
import io.vigil.detection.spi.WindowedDetector;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import io.vigil.model.alert.Severity;
import io.vigil.model.identity.Account;
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import java.util.List;
import java.util.Set;

/**
 * Suspected DCSync attack (MDI 2006): an account that is not a domain controller uses the
 * DS-Replication-Get-Changes rights (4662), i.e. asks a DC for password hashes the way mimikatz
 * {@code lsadump::dcsync} does. Keyed by the acting account.
 *
 * <p>Who is a DC: the directory's answer when it has one. When it cannot say, a user account (no
 * {@code $}) is never a DC and alerts; a machine account is taken for a DC and does not. Defender for
 * Identity resolves the source computer through NNR and the AD inventory; without either every real
 * DC's routine replication would otherwise alert, and a rogue computer account replicating is left to
 * configured DC lists (StaticDirectory) and, later, directory sync.
 */
public final class DcSyncDetector extends WindowedDetector {

    public static final String ID = "dcsync";

    static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor(
            ID, "2006", "DirectoryServicesReplicationSecurityAlert",
            "Suspected DCSync attack (replication of directory services)", Severity.HIGH,
            List.of(MitreTactic.CREDENTIAL_ACCESS, MitreTactic.PERSISTENCE),
            List.of(MitreTechnique.of("T1003.006", "OS Credential Dumping: DCSync")),
            Set.of(IdentityEventKind.REPLICATION_REQUEST), null,
            "Check whether the account is allowed to replicate (for example the Microsoft Entra Connect sync"
                    + " account; if so, exclude it). If not, treat every account's password hash as exposed:"
                    + " remove the replication rights (Replicating Directory Changes / Changes All) from the"
                    + " account, contain the computer it used, reset the account, and reset the KRBTGT password"
                    + " twice.");

    private static final String RIGHTS = "rights";
    private static final String CONTROLLERS = "controllers";

    private final NamePatterns excluded;

    public DcSyncDetector(DcSyncConfig config) {
        super(DESCRIPTOR, KeySelector.ACTOR, config.window());
        this.excluded = NamePatterns.of(config.excludedAccounts());
    }

    @Override
    protected Admission admit(IdentityEvent e, DirectoryView directory) {
        Account actor = e.actor();
        boolean suspicious = e.kind() == IdentityEventKind.REPLICATION_REQUEST
                && actor != null
                && !excluded.matches(actor.name())
                && !isDomainController(actor, directory);
        return suspicious ? Admission.OPENS : Admission.IGNORE;
    }

    static boolean isDomainController(Account actor, DirectoryView directory) {
        Trust trust = directory.isDomainController(actor);
        return trust == Trust.YES || trust == Trust.UNKNOWN && actor.isMachine();
    }

    @Override
    protected boolean record(ActivityWindow w, IdentityEvent e, DirectoryView directory) {
        w.add(w.remember(e.actor()), e);
        if (e.attribute() != null) {
            for (String right : e.attribute().split("[,;\\s]+")) {
                w.count(RIGHTS, right.isEmpty() ? null : right);
            }
        }
        w.count(CONTROLLERS, e.destination());
        return true;
    }

    @Override
    protected boolean reached(ActivityWindow w) {
        return w.total > 0;
    }

    @Override
    protected void describe(ActivityWindow w, AlertDraft alert, String key) {
        Account actor = w.accounts.get(key);
        String who = actor == null ? key : actor.display();
        List<String> rights = List.copyOf(w.tally(RIGHTS).keySet());
        List<String> controllers = List.copyOf(w.tally(CONTROLLERS).keySet());
        String toWhom = controllers.isEmpty() ? "" : " to " + AlertText.names(controllers);
        alert.description(who + ", which is not a domain controller, sent "
                        + AlertText.count(w.total, "replication request")
                        + (rights.isEmpty() ? "" : " (" + AlertText.names(rights) + ")") + toWhom + " "
                        + AlertText.within(w.start, w.last) + ".")
                .compromised(who)
                .accounts(w.accounts.values());
        controllers.forEach(alert::host);
        alert.property("ReplicationRights", AlertText.all(rights))
                .property("DomainControllers", AlertText.all(controllers))
                .property("ReplicationRequests", w.total)
                .property("ActorAccountType", actor != null && actor.isMachine() ? "Computer" : "User");
    }
}
