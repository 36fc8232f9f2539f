package io.vigil.detection.builtin.recon;

import io.vigil.detection.builtin.common.CredentialCheck;
import io.vigil.detection.builtin.common.NamePatterns;
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
import java.util.List;
import java.util.Set;

/**
 * Account enumeration reconnaissance (MDI 2003): one source tries many account names that do not
 * exist (4768 status 0x6, 4625/4776 0xc0000064). The names from the same source that turned out to
 * exist — a wrong password, another failure only a real account gets, or a success — are reported as
 * matched, as Defender for Identity reports how many guesses matched. Matches only join a window an
 * unknown name opened, so ordinary sign-ins never hold state. Keyed by source.
 */
public final class AccountEnumerationDetector extends WindowedDetector {

    public static final String ID = "account-enumeration";

    static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor(
            ID, "2003", "AccountEnumerationSecurityAlert", "Account enumeration reconnaissance", Severity.MEDIUM,
            List.of(MitreTactic.DISCOVERY),
            List.of(MitreTechnique.of("T1087.002", "Account Discovery: Domain Account")),
            Set.of(IdentityEventKind.LOGON, IdentityEventKind.LOGON_FAILED, IdentityEventKind.KERBEROS_TGT_REQUEST,
                    IdentityEventKind.KERBEROS_PREAUTH_FAILED, IdentityEventKind.NTLM_VALIDATION), null,
            "Investigate the source computer for name-guessing tools and the account running them. Expect the"
                    + " matched accounts to be targeted next (password spray, AS-REP roasting): check them for"
                    + " failed and successful sign-ins and make sure their passwords are strong.");

    private static final String UNKNOWN = "unknown";
    private static final String MATCHED = "matched";
    private static final String PROTOCOLS = "protocols";

    private final AccountEnumerationConfig config;
    private final NamePatterns excludedSources;

    public AccountEnumerationDetector(AccountEnumerationConfig config) {
        super(DESCRIPTOR, KeySelector.SOURCE, config.window());
        this.config = config;
        this.excludedSources = NamePatterns.of(config.excludedSources());
    }

    @Override
    protected Admission admit(IdentityEvent e, DirectoryView directory) {
        Account account = CredentialCheck.accountOf(e);
        if (account == null || excludedSources.matches(e.source().host(), e.source().ip())) {
            return Admission.IGNORE;
        }
        CredentialCheck check = CredentialCheck.of(e);
        if (check == CredentialCheck.UNKNOWN_ACCOUNT) {
            return Admission.OPENS;
        }
        return check.provesAccountExists() && !account.isMachine() ? Admission.JOINS : Admission.IGNORE;
    }

    @Override
    protected boolean record(ActivityWindow w, IdentityEvent e, DirectoryView directory) {
        Account account = CredentialCheck.accountOf(e);
        if (CredentialCheck.of(e) == CredentialCheck.UNKNOWN_ACCOUNT) {
            // Names that do not exist are no entities: they are only listed.
            w.count(UNKNOWN, account.key());
            w.count(PROTOCOLS, Protocols.nameOf(e));
            w.remember(e.source());
        } else {
            if (w.tally(MATCHED).containsKey(account.key())) {
                return false;
            }
            w.count(MATCHED, w.remember(account));
        }
        w.add(account.key(), e);
        return true;
    }

    @Override
    protected boolean reached(ActivityWindow w) {
        return w.distinct(UNKNOWN) >= config.threshold();
    }

    @Override
    protected void describe(ActivityWindow w, AlertDraft alert, String key) {
        List<String> unknown = List.copyOf(w.tally(UNKNOWN).keySet());
        List<String> matched = w.namesOf(w.tally(MATCHED).keySet());
        List<String> protocols = List.copyOf(w.tally(PROTOCOLS).keySet());
        String source = AlertText.sources(w.endpoints.values());
        String matches = matched.isEmpty() ? " None of the names tried from there matched an existing account."
                : " " + matched.size() + " of the names tried from there " + (matched.size() == 1 ? "exists" : "exist")
                        + " (" + AlertText.names(matched) + ").";
        alert.description(source + " tried " + AlertText.countedNames(unknown, "account name")
                        + " that do not exist in Active Directory"
                        + (protocols.isEmpty() ? "" : " over " + String.join(" and ", protocols)) + " "
                        + AlertText.within(w.start, w.last) + "." + matches)
                .endpoints(w.endpoints.values())
                .accounts(w.accounts.values())
                .property("UnknownAccountNames", AlertText.all(unknown))
                .property("UnknownAccountCount", unknown.size())
                .property("MatchedAccounts", AlertText.all(matched))
                .property("MatchedAccountCount", matched.size())
                .property("Protocols", AlertText.all(protocols));
    }
}
