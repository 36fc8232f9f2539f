package io.vigil.server.pam;

import static io.vigil.server.pam.PamLab.alerts;
import static io.vigil.server.pam.PamLab.checkoutsRead;
import static io.vigil.server.pam.PamLab.connect;
import static io.vigil.server.pam.PamLab.ingest;
import static io.vigil.server.pam.PamLab.logon;
import static io.vigil.server.pam.PamLab.ntlm;
import static io.vigil.server.pam.PamLab.tgt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.integrations.ldap.testing.AdLikeDirectory;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Severity;
import io.vigil.model.user.Role;
import io.vigil.server.security.RunningServer;
import io.vigil.simulators.beyondtrust.BeyondTrustSimulator;
import io.vigil.simulators.core.CheckoutRecord;
import io.vigil.simulators.core.SeedAccount;
import io.vigil.simulators.core.SessionRecord;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.cyberark.CyberArkSimulator;
import io.vigil.simulators.delinea.DelineaSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Privileged account used outside a PAM session" end to end: the directory synced, the three vaults
 * connected through the API with their session proxies, their sessions read through each vendor's
 * session API, the checkouts of the accounts whose sign-ins the sessions do not explain read on demand
 * through CyberArk's account activities and Delinea's secret audits, and domain controller events fed
 * in. Sign-ins are an hour and more old so that a last event, a minute old, moves event time past the
 * detector's 20-minute grace once the vaults have been read: the verdicts are then all given at once.
 */
class OutsidePamSessionTest {

    private static final String PSM = "10.0.0.5";
    private static final String SESSION_PROXY = "10.0.0.6";
    private static final String WORKSTATION = "10.0.0.44";

    @TempDir
    Path dataDir;

    private static SimulatorOptions vault(List<SessionRecord> sessions, String... accounts) {
        return SimulatorOptions.defaults()
                .withAccounts(java.util.Arrays.stream(accounts).map(a -> SeedAccount.domain(a, "LAB", "lab.example")).toList())
                .withSessions(sessions);
    }

    private static SimulatorOptions vault(String account, Instant sessionStart, Instant sessionEnd) {
        return vault(List.of(new SessionRecord("7", "vault-operator", account, "lab.example", "srv01.lab.example",
                "10.0.0.99", "RDP", sessionStart, sessionEnd)), account);
    }

    private static Map<String, Alert> byAccount(RunningServer server) {
        return alerts(server, "outside-pam-session").stream()
                .collect(Collectors.toMap(Alert::compromisedEntity, Function.identity()));
    }

    private static Optional<Alert> alertOf(RunningServer server, String account) {
        return Optional.ofNullable(byAccount(server).get(account));
    }

    @Test
    void signInsOfVaultManagedAccountsAlertOnlyWhenNoVaultSessionCoversThem() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant sessionStart = now.minus(110, ChronoUnit.MINUTES);
        Instant sessionEnd = now.minus(80, ChronoUnit.MINUTES);
        Instant during = now.minus(100, ChronoUnit.MINUTES);
        Instant after = now.minus(70, ChronoUnit.MINUTES);
        try (AdLikeDirectory directory = AdLikeDirectory.start();
             CyberArkSimulator cyberArk = CyberArkSimulator.start(vault("alice", sessionStart, sessionEnd));
             BeyondTrustSimulator beyondTrust = BeyondTrustSimulator.start(vault("carol", sessionStart, sessionEnd));
             DelineaSimulator delinea = DelineaSimulator.start(vault("dave", sessionStart, sessionEnd));
             RunningServer server = RunningServer.start(dataDir)) {
            String admin = RunningServer.basic(server.createUser(Role.SECURITY_ADMIN));
            PamLab.syncDirectory(server, admin, directory);
            connect(server, admin, cyberArk, List.of(PSM, "psm01.lab.example"));
            connect(server, admin, beyondTrust, List.of(SESSION_PROXY));
            connect(server, admin, delinea, List.of());

            ingest(server,
                    logon(during, "alice", "PSM01", PSM),
                    logon(after, "alice", "PSM01", PSM),
                    tgt(during, "carol", SESSION_PROXY),
                    tgt(during.plusSeconds(300), "carol", WORKSTATION),
                    ntlm(during, "dave", "WS17"),
                    ntlm(after, "dave", "WS17"),
                    logon(after, "bob", "WS17", WORKSTATION));
            // the sign-ins the sessions do not explain asked for their checkouts; BeyondTrust audits none
            await().atMost(Duration.ofSeconds(90)).until(() -> checkoutsRead(server, "alice", after)
                    && checkoutsRead(server, "dave", after) && checkoutsRead(server, "carol", during.plusSeconds(300)));
            ingest(server, logon(now, "bob", "WS17", WORKSTATION));

            await().atMost(Duration.ofSeconds(60)).until(() -> byAccount(server).size() >= 3);
            Map<String, Alert> byAccount = byAccount(server);

            assertThat(byAccount).containsOnlyKeys("LAB\\alice", "LAB\\carol", "dave");
            assertThat(byAccount.values()).allSatisfy(alert -> {
                assertThat(alert.severity()).isEqualTo(Severity.HIGH);
                assertThat(alert.evidenceCount()).isEqualTo(1);
                assertThat(alert.techniqueIds()).containsExactly("T1078", "T1078.002");
            });
            assertThat(byAccount.get("LAB\\alice").startTime()).isEqualTo(after);
            assertThat(byAccount.get("LAB\\alice").description()).contains("whose password CyberArk manages");
            assertThat(byAccount.get("LAB\\carol").startTime()).isEqualTo(during.plusSeconds(300));
            assertThat(byAccount.get("LAB\\carol").description()).contains("whose password BeyondTrust manages")
                    .contains("The vault had 1 session (BeyondTrust (password safe) session 7 via " + SESSION_PROXY + ")");
            assertThat(byAccount.get("dave").startTime()).isEqualTo(after);
            assertThat(byAccount.get("dave").description()).contains("whose password Delinea manages");
            assertThat(cyberArk.requestsTo("/Activities")).isNotEmpty();
            assertThat(delinea.requestsTo("/audits")).isNotEmpty();
        }
    }

    /**
     * For CyberArk and Delinea: one account's password is checked out (and checked in a quarter of an hour
     * later), its twin's is not, and both sign in from a workstation, with no session, once while the
     * checkout lasts and once after it. The checked-out account's alert names only the second sign-in; its
     * twin's names both. Each alert is built from the first sign-in it reports, so an alert that starts at
     * the second sign-in shows that the first was judged inside the checkout, whatever the timing.
     */
    @Test
    void aCheckoutAroundASignInVouchesForItWhereTheVendorAuditsAccounts() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant checkedOut = now.minus(100, ChronoUnit.MINUTES);
        Instant checkedIn = checkedOut.plus(15, ChronoUnit.MINUTES);
        Instant inside = checkedOut.plus(5, ChronoUnit.MINUTES);
        Instant outside = checkedIn.plus(10, ChronoUnit.MINUTES);
        try (AdLikeDirectory directory = AdLikeDirectory.start();
             CyberArkSimulator cyberArk = CyberArkSimulator.start(vault(List.of(), "erin", "frank", "svc_sql"));
             DelineaSimulator delinea = DelineaSimulator.start(vault(List.of(), "carol", "dave"));
             RunningServer server = RunningServer.start(dataDir)) {
            cyberArk.vault().addCheckout(new CheckoutRecord("1", "vault-operator", "erin", checkedOut, checkedIn));
            delinea.vault().addCheckout(new CheckoutRecord("1", "vault-operator", "carol", checkedOut, checkedIn));
            String admin = RunningServer.basic(server.createUser(Role.SECURITY_ADMIN));
            PamLab.syncDirectory(server, admin, directory);
            connect(server, admin, cyberArk, List.of(PSM));
            connect(server, admin, delinea, List.of(SESSION_PROXY));

            ingest(server,
                    logon(inside, "erin", "WS17", WORKSTATION),
                    logon(inside, "frank", "WS17", WORKSTATION),
                    ntlm(inside, "carol", "WS17"),
                    ntlm(inside, "dave", "WS17"),
                    logon(outside, "erin", "WS17", WORKSTATION),
                    logon(outside, "frank", "WS17", WORKSTATION),
                    ntlm(outside, "carol", "WS17"),
                    ntlm(outside, "dave", "WS17"));
            await().atMost(Duration.ofSeconds(90)).until(() -> List.of("erin", "frank", "carol", "dave").stream()
                    .allMatch(sam -> checkoutsRead(server, sam, inside, outside)));
            ingest(server, logon(now, "bob", "WS17", WORKSTATION));

            await().atMost(Duration.ofSeconds(60)).until(() -> alertOf(server, "LAB\\erin").isPresent()
                    && alertOf(server, "carol").isPresent()
                    && alertOf(server, "LAB\\frank").map(a -> a.evidenceCount() == 2).orElse(false)
                    && alertOf(server, "dave").map(a -> a.evidenceCount() == 2).orElse(false));
            Map<String, Alert> byAccount = byAccount(server);

            assertThat(byAccount).containsOnlyKeys("LAB\\erin", "LAB\\frank", "carol", "dave");
            for (String checkedOutAccount : List.of("LAB\\erin", "carol")) {
                assertThat(byAccount.get(checkedOutAccount).startTime()).as(checkedOutAccount).isEqualTo(outside);
                assertThat(byAccount.get(checkedOutAccount).evidenceCount()).as(checkedOutAccount).isEqualTo(1);
            }
            for (String twin : List.of("LAB\\frank", "dave")) {
                assertThat(byAccount.get(twin).startTime()).as(twin).isEqualTo(inside);
                assertThat(byAccount.get(twin).endTime()).as(twin).isEqualTo(outside);
            }
            assertThat(byAccount.get("LAB\\erin").description()).contains("whose password CyberArk manages");
            assertThat(byAccount.get("carol").description()).contains("whose password Delinea manages");
            // demand-driven: the vault account nobody signed in with was never looked up
            String svcSql = cyberArk.accountId(cyberArk.vault().byUserName("svc_sql").orElseThrow());
            String erin = cyberArk.accountId(cyberArk.vault().byUserName("erin").orElseThrow());
            assertThat(cyberArk.requestsTo("/Activities")).extracting(r -> r.path())
                    .anySatisfy(p -> assertThat(p).contains("/Accounts/" + erin + "/"))
                    .noneSatisfy(p -> assertThat(p).contains("/Accounts/" + svcSql + "/"));
            MeterRegistry meters = server.context().getBean(MeterRegistry.class);
            assertThat(meters.get("vigil.pam.checkout.lookups").functionCounter().count()).isGreaterThanOrEqualTo(4);
            assertThat(meters.get("vigil.pam.checkout.lookup.failures").functionCounter().count()).isZero();
        }
    }
}
