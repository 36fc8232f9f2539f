package io.vigil.detection.builtin.honeytoken;

import io.vigil.detection.builtin.common.Protocols;
import io.vigil.detection.spi.ActivityWindow;
import io.vigil.detection.spi.AlertDraft;
import io.vigil.detection.spi.AlertText;
import io.vigil.detection.spi.DetectorDescriptor;
import io.vigil.detection.spi.DirectoryView;
import io.vigil.detection.spi.KeySelector;
import io.vigil.detection.spi.WindowedDetector;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import io.vigil.model.alert.Severity;
import io.vigil.model.identity.Account;
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Honeytoken authentication activity (MDI 2014): any authentication — successful or not, Kerberos
 * or NTLM — by a honeytoken account, or a service ticket requested for one (a decoy being roasted).
 * Honeytokens are dormant decoys, so one event is enough.
 *
 * <p>Keyed by the authenticating account: the honeytoken itself, or whoever asked for a ticket to it.
 * Keys are chosen before the directory is consulted, and for nearly every authentication event the
 * authenticating account is the honeytoken; one alert per key and window.
 */
public final class HoneytokenActivityDetector extends WindowedDetector {

    public static final String ID = "honeytoken-activity";

    static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor(
            ID, "2014", "HoneytokenActivitySecurityAlert", "Honeytoken authentication activity", Severity.MEDIUM,
            List.of(MitreTactic.CREDENTIAL_ACCESS, MitreTactic.DISCOVERY),
            List.of(MitreTechnique.of("T1087.002", "Account Discovery: Domain Account")),
            Arrays.stream(IdentityEventKind.values()).filter(IdentityEventKind::isAuthentication)
                    .collect(Collectors.toUnmodifiableSet()), null,
            "A honeytoken never signs in on its own: find out who used its name or credentials from the source"
                    + " computer, look there for credential theft tools, and review the source's other activity.");

    private static final String HONEYTOKENS = "honeytokens";
    private static final String OTHERS = "others";
    private static final String PROTOCOLS = "protocols";
    private static final String SERVERS = "servers";
    private static final String SUCCESSES = "successes";

    public HoneytokenActivityDetector(HoneytokenActivityConfig config) {
        super(DESCRIPTOR, KeySelector.ACTOR, config.window());
    }

    @Override
    protected Admission admit(IdentityEvent e, DirectoryView directory) {
        boolean touched = e.kind().isAuthentication()
                && (directory.isHoneytoken(e.actor()) || directory.isHoneytoken(e.target()));
        return touched ? Admission.OPENS : Admission.IGNORE;
    }

    @Override
    protected boolean record(ActivityWindow w, IdentityEvent e, DirectoryView directory) {
        for (Account a : new Account[] {e.actor(), e.target()}) {
            if (a != null) {
                w.count(directory.isHoneytoken(a) ? HONEYTOKENS : OTHERS, w.remember(a));
            }
        }
        w.add(e.actor() == null ? null : e.actor().key(), e);
        w.remember(e.source());
        w.count(PROTOCOLS, Protocols.nameOf(e));
        w.count(SERVERS, e.service() != null && e.kind() == IdentityEventKind.NTLM_AUTHENTICATION
                ? e.service() : e.destination());
        if (e.succeeded()) {
            w.count(SUCCESSES, "all");
        }
        return true;
    }

    @Override
    protected boolean reached(ActivityWindow w) {
        return w.distinct(HONEYTOKENS) > 0;
    }

    @Override
    protected void describe(ActivityWindow w, AlertDraft alert, String key) {
        List<String> honeytokens = w.namesOf(w.tally(HONEYTOKENS).keySet());
        List<String> others = w.namesOf(w.tally(OTHERS).keySet());
        List<String> protocols = List.copyOf(w.tally(PROTOCOLS).keySet());
        List<String> servers = List.copyOf(w.tally(SERVERS).keySet());
        int successes = w.tally(SUCCESSES).getOrDefault("all", 0);
        String subject = (honeytokens.size() == 1 ? "The honeytoken account " : "The honeytoken accounts ")
                + AlertText.names(honeytokens);
        alert.description(subject + (others.isEmpty() ? "" : " (with " + AlertText.names(others) + ")")
                        + " showed " + AlertText.count(w.total, "authentication activity")
                        + (protocols.isEmpty() ? "" : " over " + String.join(" and ", protocols))
                        + AlertText.from(w.endpoints.values())
                        + (servers.isEmpty() ? "" : " against " + AlertText.names(servers))
                        + " " + AlertText.within(w.start, w.last) + ", " + successes + " successful.")
                .compromised(honeytokens.get(0))
                .accounts(w.accounts.values())
                .endpoints(w.endpoints.values());
        servers.forEach(alert::host);
        alert.property("Honeytokens", AlertText.all(honeytokens))
                .property("OtherAccounts", AlertText.all(others))
                .property("Protocols", AlertText.all(protocols))
                .property("Servers", AlertText.all(servers))
                .property("Activities", w.total)
                .property("SuccessfulActivities", successes);
    }
}
