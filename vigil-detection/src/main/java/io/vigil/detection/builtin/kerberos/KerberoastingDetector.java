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
 * Computer accounts ({@code $}) and {@code krbtgt} are not roastable (random 120-character passwords)
 * and are never counted. Keyed by the requesting source (host or IP, else the requesting account).
 */
public final class KerberoastingDetector extends WindowedDetector {

    public static final String ID = "kerberoasting";

    static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor(
            ID, "2410", "KerberoastingSecurityAlert", "Suspected Kerberos SPN exposure", Severity.HIGH,
            List.of(MitreTactic.CREDENTIAL_ACCESS),
            List.of(MitreTechnique.of("T1558.003", "Steal or Forge Kerberos Tickets: Kerberoasting")),
            Set.of(IdentityEventKind.KERBEROS_SERVICE_TICKET_REQUEST), null,
            "Find out which tool on the source computer requested the tickets and whether the requesting account"
                    + " is compromised. Reset the passwords of the exposed service accounts to long random ones (or"
                    + " move them to group Managed Service Accounts), enable AES on them"
                    + " (msDS-SupportedEncryptionTypes) and stop issuing RC4 tickets.");

    private static final String SERVICES = "services";
    private static final String REQUESTERS = "requesters";
    private static final String ENCRYPTION = "encryption";

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
        String service = w.remember(serviceAccount(e));
        w.add(service, e);
        w.count(SERVICES, service);
        w.count(REQUESTERS, w.remember(e.actor()));
        w.count(ENCRYPTION, WeakEncryption.nameOf(e.encryptionType()));
        w.remember(e.source());
        return true;
    }

    @Override
    protected boolean reached(ActivityWindow w) {
        return w.distinct(SERVICES) >= config.threshold();
    }

    @Override
    protected void describe(ActivityWindow w, AlertDraft alert, String key) {
        List<String> requesters = w.namesOf(w.tally(REQUESTERS).keySet());
        List<String> services = w.namesOf(w.tally(SERVICES).keySet());
        String encryption = String.join("/", w.tally(ENCRYPTION).keySet());
        String who = requesters.isEmpty() ? "An unknown account" : AlertText.names(requesters);
        alert.description(who + " requested " + encryption + " service tickets for "
                        + AlertText.countedNames(services, "service account")
                        + AlertText.from(w.endpoints.values()) + " " + AlertText.within(w.start, w.last) + ".")
                .accounts(w.tally(REQUESTERS).keySet().stream().map(w.accounts::get).toList())
                .endpoints(w.endpoints.values())
                .accounts(w.tally(SERVICES).keySet().stream().map(w.accounts::get).toList())
                .property("RequestingAccounts", AlertText.all(requesters))
                .property("ServiceAccounts", AlertText.all(services))
                .property("ServiceAccountCount", services.size())
                .property("EncryptionTypes", encryption)
                .property("TicketRequests", w.total)
                .property("Threshold", config.threshold());
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
