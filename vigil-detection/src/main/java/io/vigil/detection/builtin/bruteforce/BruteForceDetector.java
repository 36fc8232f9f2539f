package io.vigil.detection.builtin.bruteforce;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Suspected Brute Force attack (Kerberos, NTLM) (MDI 2023), password spray included: wrong passwords
 * (4625, 4771, 4776, 4768) from one source, against many accounts (spray) or many times against one
 * (vertical). Unknown user names are enumeration's business and are not counted here.
 *
 * <p>One guess is often recorded twice — 4625 on the workstation and 4776 on the DC — so attempts
 * are counted per account and recording event id, and an account's attempts are the largest of those
 * counts. A later success for an attacked account from the same source within the window marks it
 * "guessed" (Defender for Identity's "Guessed accounts" versus "Attacked accounts"), and lifts the
 * alert to High: Defender for Identity keeps Medium, but a guessed password is a compromised account.
 * Keyed by source (host, else IP, else account).
 */
public final class BruteForceDetector extends WindowedDetector {

    public static final String ID = "brute-force";

    static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor(
            ID, "2023", "BruteForceSecurityAlert", "Suspected Brute Force attack (Kerberos, NTLM)", Severity.MEDIUM,
            List.of(MitreTactic.CREDENTIAL_ACCESS),
            List.of(MitreTechnique.of("T1110.001", "Brute Force: Password Guessing"),
                    MitreTechnique.of("T1110.003", "Brute Force: Password Spraying")),
            Set.of(IdentityEventKind.LOGON, IdentityEventKind.LOGON_FAILED, IdentityEventKind.KERBEROS_TGT_REQUEST,
                    IdentityEventKind.KERBEROS_PREAUTH_FAILED, IdentityEventKind.NTLM_VALIDATION), null,
            "Reset the passwords of the guessed accounts and sign their sessions out; investigate the source"
                    + " computer for the tool behind the attempts; enforce long passwords, account lock-out and"
                    + " multi-factor authentication, and ban common passwords.");

    private static final String FAILED_PREFIX = "failed:";
    private static final String LOCKED_OUT = "lockedOut";
    private static final String GUESSED = "guessed";
    private static final String PROTOCOLS = "protocols";

    private final BruteForceConfig config;
    private final NamePatterns excludedSources;

    public BruteForceDetector(BruteForceConfig config) {
        super(DESCRIPTOR, KeySelector.SOURCE, config.window());
        this.config = config;
        this.excludedSources = NamePatterns.of(config.excludedSources());
    }

    @Override
    protected Admission admit(IdentityEvent e, DirectoryView directory) {
        if (CredentialCheck.accountOf(e) == null || excludedSources.matches(e.source().host(), e.source().ip())) {
            return Admission.IGNORE;
        }
        CredentialCheck check = CredentialCheck.of(e);
        if (check.isPasswordGuess()) {
            return Admission.OPENS;
        }
        return check == CredentialCheck.SUCCEEDED ? Admission.JOINS : Admission.IGNORE;
    }

    @Override
    protected boolean record(ActivityWindow w, IdentityEvent e, DirectoryView directory) {
        CredentialCheck check = CredentialCheck.of(e);
        String account = CredentialCheck.accountOf(e).key();
        if (check == CredentialCheck.SUCCEEDED) {
            if (!attempts(w).containsKey(account) || w.tally(GUESSED).containsKey(account)) {
                return false;
            }
            w.count(GUESSED, account);
            w.add(account, e);
            return true;
        }
        w.remember(CredentialCheck.accountOf(e));
        w.add(account, e);
        w.count(FAILED_PREFIX + e.eventId(), account);
        if (check == CredentialCheck.LOCKED_OUT) {
            w.count(LOCKED_OUT, account);
        }
        w.count(PROTOCOLS, Protocols.nameOf(e));
        w.remember(e.source());
        return true;
    }

    @Override
    protected boolean reached(ActivityWindow w) {
        return isSpray(w) || isVertical(w);
    }

    private boolean isSpray(ActivityWindow w) {
        return attempts(w).size() >= config.sprayThreshold();
    }

    private boolean isVertical(ActivityWindow w) {
        return attempts(w).values().stream().anyMatch(n -> n >= config.attemptThreshold());
    }

    @Override
    protected void describe(ActivityWindow w, AlertDraft alert, String key) {
        Map<String, Integer> attempts = attempts(w);
        int guesses = attempts.values().stream().mapToInt(Integer::intValue).sum();
        List<String> attacked = w.namesOf(attempts.keySet());
        List<String> guessed = w.namesOf(w.tally(GUESSED).keySet());
        List<String> lockedOut = w.namesOf(w.tally(LOCKED_OUT).keySet());
        List<String> protocols = List.copyOf(w.tally(PROTOCOLS).keySet());
        String source = AlertText.sources(w.endpoints.values());
        String kind = isSpray(w) && isVertical(w) ? "a password spray and brute force"
                : isSpray(w) ? "a password spray" : "a brute force";
        String outcome = guessed.isEmpty() ? " No password was guessed successfully."
                : " The password of " + AlertText.countedNames(guessed, "account") + " was guessed successfully.";
        alert.description(source + " made " + AlertText.count(guesses, "password guess") + " against "
                        + AlertText.countedNames(attacked, "account")
                        + (protocols.isEmpty() ? "" : " over " + String.join(" and ", protocols)) + " "
                        + AlertText.within(w.start, w.last) + ": " + kind + "." + outcome)
                .endpoints(w.endpoints.values())
                .accounts(w.accounts.values())
                .property("AttackType", isSpray(w) && isVertical(w) ? "Mixed" : isSpray(w) ? "PasswordSpray" : "BruteForce")
                .property("AttackedAccounts", AlertText.all(attacked))
                .property("AttackedAccountCount", attacked.size())
                .property("GuessedAccounts", AlertText.all(guessed))
                .property("LockedOutAccounts", AlertText.all(lockedOut))
                .property("PasswordGuesses", guesses)
                .property("GuessesPerAccount", attempts.entrySet().stream()
                        .map(a -> w.nameOf(a.getKey()) + "=" + a.getValue()).collect(Collectors.joining(", ")))
                .property("Protocols", AlertText.all(protocols));
        if (!guessed.isEmpty()) {
            alert.severity(Severity.HIGH);
        }
    }

    /** Guesses per attacked account: the largest count over the event ids that recorded them. */
    private static Map<String, Integer> attempts(ActivityWindow w) {
        Map<String, Integer> attempts = new LinkedHashMap<>();
        w.tallies.forEach((name, tally) -> {
            if (name.startsWith(FAILED_PREFIX)) {
                tally.forEach((account, n) -> attempts.merge(account, n, Math::max));
            }
        });
        return attempts;
    }
}
