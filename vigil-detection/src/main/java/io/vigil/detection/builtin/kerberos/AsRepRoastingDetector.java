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
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import java.util.List;
import java.util.Set;

/**
 * Suspected AS-REP Roasting attack (MDI 2412): a TGT issued without pre-authentication (4768
 * PreAuthType 0) for a user account, so whoever asked holds an AS-REP encrypted with the account's
 * password key and can crack it offline. An RC4 reply makes that fast and the request more likely a
 * tool's; it is recorded, not required. Keyed by source, one alert per source and window.
 */
public final class AsRepRoastingDetector extends WindowedDetector {

    public static final String ID = "asrep-roasting";

    static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor(
            ID, "2412", "AsRepRoastingSecurityAlert", "Suspected AS-REP Roasting attack", Severity.HIGH,
            List.of(MitreTactic.CREDENTIAL_ACCESS),
            List.of(MitreTechnique.of("T1558.004", "Steal or Forge Kerberos Tickets: AS-REP Roasting")),
            Set.of(IdentityEventKind.KERBEROS_TGT_REQUEST), null,
            "Turn Kerberos pre-authentication back on for the listed accounts (clear \"Do not require Kerberos"
                    + " preauthentication\"), reset their passwords to long random ones, and investigate the"
                    + " source computer for roasting tools such as Rubeus or Impacket GetNPUsers.");

    private static final int NO_PRE_AUTHENTICATION = 0;
    private static final String ROASTED = "roasted";
    private static final String WEAK_REPLIES = "weakReplies";

    private final AsRepRoastingConfig config;
    private final NamePatterns excluded;

    public AsRepRoastingDetector(AsRepRoastingConfig config) {
        super(DESCRIPTOR, KeySelector.SOURCE, config.window());
        this.config = config;
        this.excluded = NamePatterns.of(config.excludedAccounts());
    }

    @Override
    protected Admission admit(IdentityEvent e, DirectoryView directory) {
        boolean roasted = e.kind() == IdentityEventKind.KERBEROS_TGT_REQUEST
                && e.succeeded()
                && e.preAuthType() == NO_PRE_AUTHENTICATION
                && e.actor() != null && e.actor().name() != null && !e.actor().isMachine()
                && !excluded.matches(e.actor().name());
        return roasted ? Admission.OPENS : Admission.IGNORE;
    }

    @Override
    protected boolean record(ActivityWindow w, IdentityEvent e, DirectoryView directory) {
        String account = w.remember(e.actor());
        w.add(account, e);
        w.count(ROASTED, account);
        if (WeakEncryption.isWeak(e.encryptionType())) {
            w.count(WEAK_REPLIES, account);
        }
        w.remember(e.source());
        return true;
    }

    @Override
    protected boolean reached(ActivityWindow w) {
        return w.distinct(ROASTED) >= config.threshold();
    }

    @Override
    protected void describe(ActivityWindow w, AlertDraft alert, String key) {
        List<String> roasted = w.namesOf(w.tally(ROASTED).keySet());
        List<String> weak = w.namesOf(w.tally(WEAK_REPLIES).keySet());
        String from = AlertText.sources(w.endpoints.values());
        String rc4 = weak.isEmpty() ? ""
                : weak.size() == roasted.size() ? "; every reply was RC4-encrypted, which cracks fast offline"
                : "; " + weak.size() + " of the replies were RC4-encrypted, which cracks fast offline";
        alert.description(from + " requested Kerberos tickets without pre-authentication (AS-REP) for "
                        + AlertText.countedNames(roasted, "account") + " " + AlertText.within(w.start, w.last)
                        + rc4 + ".")
                .endpoints(w.endpoints.values())
                .accounts(w.accounts.values())
                .property("RoastedAccounts", AlertText.all(roasted))
                .property("RoastedAccountCount", roasted.size())
                .property("Rc4Accounts", AlertText.all(weak))
                .property("Confidence", weak.isEmpty() ? "Medium" : "High")
                .property("TicketRequests", w.total);
    }
}
