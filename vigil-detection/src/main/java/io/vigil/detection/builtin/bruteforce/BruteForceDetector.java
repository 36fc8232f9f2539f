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
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Suspected Brute Force attack (Kerberos, NTLM) (MDI 2023), password spray included: wrong passwords
 * (4625, 4771, 4776, 4768) from one source, against many accounts (spray) or many times against one
 * (vertical). Unknown user names alone are enumeration's business; once the source has failed a
 * password, the unknown names it tried count towards the spray, as spray tools run down name lists.
 *
 * <p>Vigil also reads the attacker's side, which Defender for Identity never sees: a spray run from a
 * Windows computer leaves one explicit-credential logon (4648) per attempt there, whatever the outcome.
 * One user using explicit credentials for many accounts is a spray too ({@link ExplicitCredentialUse},
 * {@link BruteForceConfig#explicitCredentialThreshold()}).
 *
 * <p>One guess is often recorded twice — 4625 on the workstation and 4776 on the DC — so attempts
 * are counted per account and recording event id, and an account's attempts are the largest of those
 * counts. A later success for an attacked account from the same source within the window marks it
 * "guessed" (Defender for Identity's "Guessed accounts" versus "Attacked accounts"), and lifts the
 * alert to High: Defender for Identity keeps Medium, but a guessed password is a compromised account.
 * Keyed by source (IP, else host, else account); for 4648 the source is the computer that recorded it.
 */
public final class BruteForceDetector extends WindowedDetector {

    public static final String ID = "brute-force";

    static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor(
            ID, "2023", "BruteForceSecurityAlert", "Suspected Brute Force attack (Kerberos, NTLM)", Severity.MEDIUM,
            List.of(MitreTactic.CREDENTIAL_ACCESS),
            List.of(MitreTechnique.of("T1110.001", "Brute Force: Password Guessing"),
                    MitreTechnique.of("T1110.003", "Brute Force: Password Spraying")),
            Set.of(IdentityEventKind.LOGON, IdentityEventKind.LOGON_FAILED, IdentityEventKind.KERBEROS_TGT_REQUEST,
                    IdentityEventKind.KERBEROS_PREAUTH_FAILED, IdentityEventKind.NTLM_VALIDATION,
                    IdentityEventKind.EXPLICIT_CREDENTIAL_LOGON), null,
            "Reset the passwords of the guessed accounts and sign their sessions out; investigate the source"
                    + " computer for the tool behind the attempts; enforce long passwords, account lock-out and"
                    + " multi-factor authentication, and ban common passwords.");

    private static final String FAILED_PREFIX = "failed:";
    private static final String LOCKED_OUT = "lockedOut";
    private static final String GUESSED = "guessed";
    private static final String PROTOCOLS = "protocols";
    private static final String UNKNOWN = "unknown";
    /** Accounts whose credentials one subject used explicitly: tally {@code explicit:<subject key>}. */
    private static final String EXPLICIT_PREFIX = "explicit:";
    private static final String SERVERS = "servers";

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
        if (e.kind() == IdentityEventKind.EXPLICIT_CREDENTIAL_LOGON) {
            return ExplicitCredentialUse.counts(e) ? Admission.OPENS : Admission.IGNORE;
        }
        CredentialCheck check = CredentialCheck.of(e);
        if (check.isPasswordGuess() || check == CredentialCheck.UNKNOWN_ACCOUNT) {
            return Admission.OPENS;
        }
        return check == CredentialCheck.SUCCEEDED ? Admission.JOINS : Admission.IGNORE;
    }

    @Override
    protected boolean record(ActivityWindow w, IdentityEvent e, DirectoryView directory) {
        if (e.kind() == IdentityEventKind.EXPLICIT_CREDENTIAL_LOGON) {
            recordExplicitUse(w, e);
            return true;
        }
        CredentialCheck check = CredentialCheck.of(e);
        String account = CredentialCheck.accountOf(e).key();
        if (check == CredentialCheck.UNKNOWN_ACCOUNT) {
            // Names that do not exist are no entities: they are only listed.
            w.add(account, e);
            w.count(UNKNOWN, account);
            w.count(PROTOCOLS, Protocols.nameOf(e));
            w.remember(e.source());
            return true;
        }
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

    private static void recordExplicitUse(ActivityWindow w, IdentityEvent e) {
        String subject = w.remember(e.actor());
        String used = w.remember(e.target());
        w.add(used, e);
        w.count(EXPLICIT_PREFIX + subject, used);
        w.count(SERVERS, e.destination());
        w.remember(e.source());
    }

    @Override
    protected boolean reached(ActivityWindow w) {
        return isSpray(w) || isVertical(w) || isExplicitSpray(w);
    }

    private boolean isSpray(ActivityWindow w) {
        return sprayedNames(w) >= config.sprayThreshold();
    }

    /** Accounts guessed at, plus the unknown names tried, once at least one password was guessed. */
    private static int sprayedNames(ActivityWindow w) {
        Map<String, Integer> attempts = attempts(w);
        if (attempts.isEmpty()) {
            return 0;
        }
        return attempts.size() + (int) w.tally(UNKNOWN).keySet().stream().filter(n -> !attempts.containsKey(n)).count();
    }

    private boolean isExplicitSpray(ActivityWindow w) {
        return !explicitSprayers(w).isEmpty();
    }

    /** Subjects that used explicit credentials for at least the threshold of accounts. */
    private List<String> explicitSprayers(ActivityWindow w) {
        return w.tallies.entrySet().stream()
                .filter(t -> t.getKey().startsWith(EXPLICIT_PREFIX) && t.getValue().size() >= config.explicitCredentialThreshold())
                .map(t -> t.getKey().substring(EXPLICIT_PREFIX.length()))
                .toList();
    }

    private boolean isVertical(ActivityWindow w) {
        return attempts(w).values().stream().anyMatch(n -> n >= config.attemptThreshold());
    }

    @Override
    protected void describe(ActivityWindow w, AlertDraft alert, String key) {
        Map<String, Integer> attempts = attempts(w);
        int guesses = attempts.values().stream().mapToInt(Integer::intValue).sum();
        boolean failures = isSpray(w) || isVertical(w);
        List<String> unknown = attempts.isEmpty() ? List.of() : List.copyOf(w.tally(UNKNOWN).keySet());
        List<String> guessed = w.namesOf(w.tally(GUESSED).keySet());
        List<String> sprayers = explicitSprayers(w);
        Set<String> explicitlyUsed = new LinkedHashSet<>();
        sprayers.forEach(subject -> explicitlyUsed.addAll(w.namesOf(w.tally(EXPLICIT_PREFIX + subject).keySet())));
        Set<String> attacked = new LinkedHashSet<>(w.namesOf(attempts.keySet()));
        attacked.addAll(explicitlyUsed);

        String description = "";
        if (failures) {
            description = failedGuesses(w, attempts, guesses, unknown) + (guessed.isEmpty()
                    ? " No password was guessed successfully."
                    : " The password of " + AlertText.countedNames(guessed, "account") + " was guessed successfully.");
        }
        if (!sprayers.isEmpty()) {
            description += (description.isEmpty() ? "" : " ") + explicitUse(w, sprayers, explicitlyUsed);
        }
        alert.description(description)
                .endpoints(w.endpoints.values())
                .accounts(w.accounts.values())
                .property("AttackType", isSpray(w) && isVertical(w) ? "Mixed" : isVertical(w) && sprayers.isEmpty()
                        ? "BruteForce" : "PasswordSpray")
                .property("AttackedAccounts", AlertText.all(attacked))
                .property("AttackedAccountCount", attacked.size())
                .property("UnknownAccountNames", AlertText.all(unknown))
                .property("GuessedAccounts", AlertText.all(guessed))
                .property("LockedOutAccounts", AlertText.all(w.namesOf(w.tally(LOCKED_OUT).keySet())))
                .property("PasswordGuesses", guesses)
                .property("GuessesPerAccount", attempts.entrySet().stream()
                        .map(a -> w.nameOf(a.getKey()) + "=" + a.getValue()).collect(Collectors.joining(", ")))
                .property("ExplicitCredentialUsers", AlertText.all(w.namesOf(sprayers)))
                .property("Protocols", AlertText.all(w.tally(PROTOCOLS).keySet()));
        if (!guessed.isEmpty()) {
            alert.severity(Severity.HIGH);
        }
    }

    /** {@code 10.0.0.9 made 7 password guesses against 7 accounts (…) over NTLM within 1 second: a password spray.} */
    private String failedGuesses(ActivityWindow w, Map<String, Integer> attempts, int guesses, List<String> unknown) {
        List<String> protocols = List.copyOf(w.tally(PROTOCOLS).keySet());
        String kind = isSpray(w) && isVertical(w) ? "a password spray and brute force"
                : isSpray(w) ? "a password spray" : "a brute force";
        return AlertText.sources(w.endpoints.values()) + " made " + AlertText.count(guesses, "password guess")
                + " against " + AlertText.countedNames(w.namesOf(attempts.keySet()), "account")
                + (unknown.isEmpty() ? "" : " and tried " + AlertText.countedNames(unknown, "account name")
                        + (unknown.size() == 1 ? " that does not exist" : " that do not exist"))
                + (protocols.isEmpty() ? "" : " over " + String.join(" and ", protocols)) + " "
                + AlertText.within(w.start, w.last) + ": " + kind + ".";
    }

    /** {@code jwrig used explicit credentials of 41 accounts (…) on DESKTOP-1 against FS1 within 6 minutes: …} */
    private static String explicitUse(ActivityWindow w, List<String> sprayers, Set<String> used) {
        List<String> servers = List.copyOf(w.tally(SERVERS).keySet());
        String computer = w.endpoints.values().stream().map(e -> e.display()).findFirst().map(c -> " on " + c).orElse("");
        return AlertText.names(w.namesOf(sprayers)) + " used explicit credentials of "
                + AlertText.countedNames(List.copyOf(used), "account") + computer
                + (servers.isEmpty() ? "" : " against " + AlertText.names(servers)) + " "
                + AlertText.within(w.start, w.last) + ": a password spray run from that computer (4648 does not"
                + " record whether the attempts succeeded; the target servers' logs do).";
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
