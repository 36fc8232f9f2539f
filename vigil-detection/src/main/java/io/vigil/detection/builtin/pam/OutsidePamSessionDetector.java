package io.vigil.detection.builtin.pam;

import io.vigil.detection.builtin.common.NamePatterns;
import io.vigil.detection.spi.ActivityWindow;
import io.vigil.detection.spi.AlertDraft;
import io.vigil.detection.spi.AlertText;
import io.vigil.detection.spi.DetectionContext;
import io.vigil.detection.spi.Detector;
import io.vigil.detection.spi.DetectorDescriptor;
import io.vigil.detection.spi.KeySelector;
import io.vigil.detection.spi.VaultActivity;
import io.vigil.detection.spi.VaultActivityView;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import io.vigil.model.alert.Severity;
import io.vigil.model.identity.Account;
import io.vigil.model.identity.Endpoint;
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Privileged account used outside a PAM session: an account whose password a PAM vault manages signs
 * in (4624 logon, 4768 TGT, 4776 NTLM validation) while no session the vault brokered and no checkout
 * of its password covers that moment. The vault is meant to be the only holder of the password, so a
 * sign-in it did not broker means someone holds the password outside it. Keyed by the account.
 *
 * <p>A brokered session signs in from the vault's session proxy (a CyberArk PSM server), so a session
 * covers only sign-ins from the hosts the vault connection names as its proxies; a checkout covers
 * sign-ins from anywhere. Vaults are read by polling (sessions) and on demand (the checkouts of an
 * account whose sign-in the sessions do not explain: asking whether they cover it asks for them), so a
 * sign-in is judged only once the vaults' records cover its time: at once when they already do (a replay), else when event time has moved
 * {@code grace} past it, and again every {@code grace} until {@code giveUpAfter}, after which a sign-in
 * that still cannot be judged is dropped rather than reported.
 */
public final class OutsidePamSessionDetector implements Detector<OutsidePamSessionState> {

    public static final String ID = "outside-pam-session";

    static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor(
            ID, null, "PrivilegedAccountOutsidePamSecurityAlert", "Privileged account used outside a PAM session",
            Severity.HIGH,
            List.of(MitreTactic.DEFENSE_EVASION, MitreTactic.PERSISTENCE, MitreTactic.PRIVILEGE_ESCALATION,
                    MitreTactic.INITIAL_ACCESS),
            List.of(MitreTechnique.of("T1078", "Valid Accounts"),
                    MitreTechnique.of("T1078.002", "Valid Accounts: Domain Accounts")),
            Set.of(IdentityEventKind.LOGON, IdentityEventKind.KERBEROS_TGT_REQUEST, IdentityEventKind.NTLM_VALIDATION),
            null,
            "Only the vault should know this password. Find out who signed in from the source computer and how they"
                    + " got the password (an old copy, a script, credential theft), look there for credential theft"
                    + " tools, and have the vault give the account a new password (Reset password by <vendor>). If the"
                    + " source is one of the vault's own servers, name it on the vault connection or exclude it here.");

    private static final String SOURCES = "sources";
    private static final String PROTOCOLS = "protocols";
    private static final String DESTINATIONS = "destinations";
    private static final String VAULTS = "vaults";
    private static final String SESSIONS_ELSEWHERE = "sessionsElsewhere";

    private enum Verdict { BROKERED, OUTSIDE, UNKNOWN }

    private final OutsidePamSessionConfig config;
    private final NamePatterns excludedAccounts;
    private final NamePatterns excludedSources;
    private final Set<Integer> ignoredLogonTypes = new TreeSet<>();

    public OutsidePamSessionDetector(OutsidePamSessionConfig config) {
        this.config = config;
        this.excludedAccounts = NamePatterns.of(config.excludedAccounts());
        this.excludedSources = NamePatterns.of(config.excludedSources());
        config.ignoredLogonTypes().forEach(t -> ignoredLogonTypes.add(Integer.parseInt(t.strip())));
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
    public OutsidePamSessionState newState() {
        return new OutsidePamSessionState();
    }

    @Override
    public void onEvent(OutsidePamSessionState state, IdentityEvent e, DetectionContext ctx) {
        if (!judged(e)) {
            return;
        }
        Set<String> vaults = ctx.directory().vaultsManaging(e.actor());
        if (vaults.isEmpty()) {
            return;
        }
        SignIn signIn = SignIn.of(e, List.copyOf(new TreeSet<>(vaults)));
        switch (verdict(signIn, ctx.vaultActivity())) {
            case BROKERED -> { }
            case OUTSIDE -> report(state, signIn, ctx);
            case UNKNOWN -> hold(state, signIn, ctx);
        }
    }

    @Override
    public void onTimer(OutsidePamSessionState state, Instant time, DetectionContext ctx) {
        List<SignIn> outside = new ArrayList<>();
        Iterator<SignIn> waiting = state.pending.iterator();
        while (waiting.hasNext()) {
            SignIn signIn = waiting.next();
            if (signIn.time().plus(config.grace()).isAfter(time)) {
                continue;
            }
            Verdict verdict = verdict(signIn, ctx.vaultActivity());
            if (verdict == Verdict.OUTSIDE) {
                outside.add(signIn);
            }
            Instant giveUp = signIn.time().plus(config.giveUpAfter());
            if (verdict != Verdict.UNKNOWN || !giveUp.isAfter(time)) {
                waiting.remove();
            } else {
                ctx.timer(min(time.plus(config.grace()), giveUp));
            }
        }
        outside.forEach(signIn -> report(state, signIn, ctx));
        ActivityWindow w = state.reported;
        if (w != null && (w.start == null || w.endedBy(time, config.window()))
                && state.pending.stream().noneMatch(p -> w.covers(p.time(), config.window()))) {
            state.reported = null;
            state.overflow = 0;
        }
    }

    /** A successful sign-in by a person's account, not one of the kinds configured away. */
    private boolean judged(IdentityEvent e) {
        Account account = e.actor();
        if (!e.succeeded() || account == null || account.name() == null || account.isMachine()
                || excludedAccounts.matches(account.name())
                || excludedSources.matches(e.source().host(), e.source().ip())) {
            return false;
        }
        return e.kind() != IdentityEventKind.LOGON || !ignoredLogonTypes.contains(e.logonType());
    }

    private Verdict verdict(SignIn signIn, VaultActivityView vaults) {
        Instant from = signIn.time().minus(config.tolerance());
        Instant to = signIn.time().plus(config.tolerance());
        for (VaultActivity activity : vaults.activityOf(signIn.account(), from, to)) {
            if (activity.spans(signIn.time(), config.tolerance()) && activity.admits(signIn.source())) {
                return Verdict.BROKERED;
            }
        }
        return vaults.covers(signIn.account(), from, to) ? Verdict.OUTSIDE : Verdict.UNKNOWN;
    }

    private void hold(OutsidePamSessionState state, SignIn signIn, DetectionContext ctx) {
        if (state.pending.size() >= OutsidePamSessionState.PENDING_CAP) {
            state.overflow++;
            return;
        }
        state.pending.add(signIn);
        ctx.timer(signIn.time().plus(config.grace()));
    }

    private void report(OutsidePamSessionState state, SignIn signIn, DetectionContext ctx) {
        if (state.reported == null) {
            state.reported = new ActivityWindow();
        }
        ActivityWindow w = state.reported;
        if (w.roll(signIn.time(), config.window())) {
            ctx.timer(w.start.plus(config.window()));
        }
        w.add(w.remember(signIn.account()), signIn.time(), signIn.evidence());
        w.count(SOURCES, w.remember(signIn.source()));
        w.count(PROTOCOLS, signIn.protocol());
        w.count(DESTINATIONS, signIn.destination());
        signIn.vaults().forEach(v -> w.count(VAULTS, v));
        Instant from = signIn.time().minus(config.tolerance());
        Instant to = signIn.time().plus(config.tolerance());
        for (VaultActivity activity : ctx.vaultActivity().activityOf(signIn.account(), from, to)) {
            if (activity.spans(signIn.time(), config.tolerance())) {
                w.count(SESSIONS_ELSEWHERE, describe(activity));
            }
        }
        emit(state, ctx);
    }

    private void emit(OutsidePamSessionState state, DetectionContext ctx) {
        ActivityWindow w = state.reported;
        Account account = w.accounts.get(ctx.key());
        String who = account == null ? ctx.key() : account.display();
        List<String> vaults = List.copyOf(w.tally(VAULTS).keySet());
        List<String> protocols = List.copyOf(w.tally(PROTOCOLS).keySet());
        List<String> destinations = List.copyOf(w.tally(DESTINATIONS).keySet());
        List<String> elsewhere = List.copyOf(w.tally(SESSIONS_ELSEWHERE).keySet());
        String vaultNames = String.join(" and ", vaults);
        StringBuilder text = new StringBuilder(who).append(", whose password ").append(vaultNames)
                .append(" manages, signed in ").append(w.total == 1 ? "once" : w.total + " times")
                .append(protocols.isEmpty() ? "" : " over " + String.join(" and ", protocols))
                .append(AlertText.from(w.endpoints.values()))
                .append(destinations.isEmpty() ? "" : " at " + AlertText.names(destinations))
                .append(w.total == 1 ? "" : " " + AlertText.within(w.start, w.last))
                .append(", with no session or checkout of the account in the vault at ")
                .append(w.total == 1 ? "that time." : "those times.");
        if (!elsewhere.isEmpty()) {
            text.append(" The vault had ").append(AlertText.countedNames(elsewhere, "session"))
                    .append(" of the account open then, but these sign-ins did not come through it.");
        }
        AlertDraft alert = AlertDraft.of(DESCRIPTOR, ctx.key(), w.start)
                .end(w.last)
                .evidence(w.evidence, w.total)
                .description(text.toString())
                .compromised(who)
                .accounts(w.accounts.values())
                .endpoints(w.endpoints.values());
        destinations.forEach(alert::host);
        alert.property("Vaults", AlertText.all(vaults))
                .property("Sources", AlertText.all(w.endpoints.values().stream().map(Endpoint::display).toList()))
                .property("Protocols", AlertText.all(protocols))
                .property("Destinations", AlertText.all(destinations))
                .property("SignIns", w.total)
                .property("VaultSessionsElsewhere", AlertText.all(elsewhere));
        if (state.overflow > 0) {
            alert.property("SignInsNotJudged", state.overflow);
        }
        ctx.emit(alert.build());
        w.alerted = true;
    }

    /** {@code CyberArk (pvwa) session 12 via PSM01}. */
    private static String describe(VaultActivity activity) {
        String via = activity.sourceHosts().isEmpty() ? "" : " via " + String.join("/", new TreeSet<>(activity.sourceHosts()));
        return activity.vault() + " " + activity.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + activity.id() + via;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
