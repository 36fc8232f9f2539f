package io.vigil.detection.builtin.kerberos;

import io.vigil.detection.builtin.common.NamePatterns;
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
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Suspected Kerberos SPN exposure (MDI 2410): one source gets RC4 (or DES) service tickets for several
 * user service accounts in a short time — the offline-crackable tickets Kerberoasting tools collect.
 * A single such ticket is enough when the same requester got an RC4 TGT from the same source in the
 * window (a tool signing in by itself; see {@link KerberoastingConfig#singleTicketAfterRc4Tgt()}).
 * Computer accounts ({@code $}) and {@code krbtgt} are not roastable (random 120-character passwords)
 * and are never counted. Keyed by the requesting source (IP, else host, else the requesting account).
 */
public final class KerberoastingDetector extends WindowedDetector {

    public static final String ID = "kerberoasting";

    static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor(
            ID, "2410", "KerberoastingSecurityAlert", "Suspected Kerberos SPN exposure", Severity.HIGH,
            List.of(MitreTactic.CREDENTIAL_ACCESS),
            List.of(MitreTechnique.of("T1558.003", "Steal or Forge Kerberos Tickets: Kerberoasting")),
            Set.of(IdentityEventKind.KERBEROS_SERVICE_TICKET_REQUEST, IdentityEventKind.KERBEROS_TGT_REQUEST), null,
            "Find out which tool on the source computer requested the tickets and whether the requesting account"
                    + " is compromised. Reset the passwords of the exposed service accounts to long random ones (or"
                    + " move them to group Managed Service Accounts), enable AES on them"
                    + " (msDS-SupportedEncryptionTypes) and stop issuing RC4 tickets.");

    private static final String SERVICES = "services";
    private static final String REQUESTERS = "requesters";
    private static final String ENCRYPTION = "encryption";
    /** Requesters that got a weak TGT from this source. */
    private static final String WEAK_TGTS = "weakTgts";
    /** Services whose weak ticket went to a requester holding a weak TGT. */
    private static final String CORROBORATED = "corroborated";

    private final KerberoastingConfig config;
    private final NamePatterns excludedServices;
    private final NamePatterns excludedSources;

    public KerberoastingDetector(KerberoastingConfig config) {
        super(DESCRIPTOR, KeySelector.SOURCE, config.window());
        this.config = config;
        this.excludedServices = NamePatterns.of(config.excludedServices());
        this.excludedSources = NamePatterns.of(config.excludedSources());
    }

    @Override
    protected Admission admit(IdentityEvent e, DirectoryView directory) {
        if (e.kind() == IdentityEventKind.KERBEROS_TGT_REQUEST) {
            return isWeakTgt(e) ? Admission.OPENS : Admission.IGNORE;
        }
        Account service = serviceAccount(e);
        boolean roastable = e.kind() == IdentityEventKind.KERBEROS_SERVICE_TICKET_REQUEST
                && e.succeeded()
                && WeakEncryption.isWeak(e.encryptionType())
                && service != null && !service.isMachine() && !isKrbtgt(service)
                && !excludedServices.matches(service.name())
                && !excludedSources.matches(e.source().host(), e.source().ip());
        return roastable ? Admission.OPENS : Admission.IGNORE;
    }

    @Override
    protected boolean record(ActivityWindow w, IdentityEvent e, DirectoryView directory) {
        if (e.kind() == IdentityEventKind.KERBEROS_TGT_REQUEST) {
            w.add(null, e);
            w.count(WEAK_TGTS, w.remember(e.actor()));
            return false;
        }
        String service = w.remember(serviceAccount(e));
        w.add(service, e);
        w.count(SERVICES, service);
        String requester = w.remember(e.actor());
        w.count(REQUESTERS, requester);
        if (requester != null && w.tally(WEAK_TGTS).containsKey(requester)) {
            w.count(CORROBORATED, service);
        }
        w.count(ENCRYPTION, WeakEncryption.nameOf(e.encryptionType()));
        w.remember(e.source());
        return true;
    }

    @Override
    protected boolean reached(ActivityWindow w) {
        return w.distinct(SERVICES) >= config.threshold() || isCorroborated(w);
    }

    private boolean isCorroborated(ActivityWindow w) {
        return config.singleTicketAfterRc4Tgt() && w.distinct(CORROBORATED) > 0;
    }

    /** A TGT issued in RC4 or DES to a user account: what a tool signing in with a password or hash gets. */
    private boolean isWeakTgt(IdentityEvent e) {
        return config.singleTicketAfterRc4Tgt()
                && e.succeeded()
                && WeakEncryption.isWeak(e.encryptionType())
                && e.actor() != null && e.actor().key() != null && !e.actor().isMachine()
                && !excludedSources.matches(e.source().host(), e.source().ip());
    }

    @Override
    protected void describe(ActivityWindow w, AlertDraft alert, String key) {
        List<String> requesters = w.namesOf(w.tally(REQUESTERS).keySet());
        List<String> services = w.namesOf(w.tally(SERVICES).keySet());
        String encryption = String.join("/", w.tally(ENCRYPTION).keySet());
        String who = requesters.isEmpty() ? "An unknown account" : AlertText.names(requesters);
        String tickets = services.size() == 1
                ? " requested a service ticket in " + encryption + " for the service account " + services.get(0)
                : " requested " + encryption + " service tickets for " + AlertText.countedNames(services, "service account");
        List<String> weakTgtRequesters = w.namesOf(w.tally(REQUESTERS).keySet().stream()
                .filter(w.tally(WEAK_TGTS)::containsKey).toList());
        String weakTgt = isCorroborated(w) ? "; " + AlertText.names(weakTgtRequesters) + " got a TGT in RC4 or DES from there just before, which Windows clients with AES keys never ask for" : "";
        alert.description(who + tickets + AlertText.from(w.endpoints.values()) + " "
                        + AlertText.within(w.start, w.last) + weakTgt + ".")
                .accounts(w.tally(REQUESTERS).keySet().stream().map(w.accounts::get).toList())
                .endpoints(w.endpoints.values())
                .accounts(w.tally(SERVICES).keySet().stream().map(w.accounts::get).toList())
                .property("RequestingAccounts", AlertText.all(requesters))
                .property("ServiceAccounts", AlertText.all(services))
                .property("ServiceAccountCount", services.size())
                .property("EncryptionTypes", encryption)
                .property("TicketRequests", w.tally(SERVICES).values().stream().mapToInt(Integer::intValue).sum())
                .property("Threshold", config.threshold())
                .property("WeakTgtRequesters", AlertText.all(weakTgtRequesters))
                .property("Trigger", w.distinct(SERVICES) >= config.threshold() ? "Threshold" : "WeakTgt");
    }

    /** The account whose key encrypts the ticket: the service's own account. */
    private static Account serviceAccount(IdentityEvent e) {
        if (e.target() != null && e.target().name() != null) {
            return e.target();
        }
        return e.service() == null ? null : new Account(null, e.service(), null);
    }

    private static boolean isKrbtgt(Account a) {
        String name = a.name().toLowerCase(Locale.ROOT);
        return name.equals("krbtgt") || name.startsWith("krbtgt/") || a.rid() == 502;
    }
}
