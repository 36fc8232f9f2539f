package io.vigil.server.pam;

import static io.vigil.server.pam.PamLab.alerts;
import static io.vigil.server.pam.PamLab.connect;
import static io.vigil.server.pam.PamLab.ingest;
import static io.vigil.server.pam.PamLab.logon;
import static io.vigil.server.pam.PamLab.ntlm;
import static io.vigil.server.pam.PamLab.tgt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.integrations.ldap.testing.AdLikeDirectory;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Severity;
import io.vigil.model.user.Role;
import io.vigil.server.security.RunningServer;
import io.vigil.simulators.beyondtrust.BeyondTrustSimulator;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Privileged account used outside a PAM session" end to end: the directory synced, the three vaults
 * connected through the API with their session proxies, their sessions read through each vendor's
 * session API, and domain controller events fed in. Each vault-managed account signs in once during a
 * session of its vault and once outside one; only the second raises an alert, and an account no vault
 * manages never does.
 */
class OutsidePamSessionTest {

    private static final String PSM = "10.0.0.5";
    private static final String SESSION_PROXY = "10.0.0.6";
    private static final String WORKSTATION = "10.0.0.44";

    @TempDir
    Path dataDir;

    private static SimulatorOptions vault(String account, Instant sessionStart, Instant sessionEnd) {
        return SimulatorOptions.defaults()
                .withAccounts(List.of(SeedAccount.domain(account, "LAB", "lab.example")))
                .withSessions(List.of(new SessionRecord("7", "vault-operator", account, "lab.example", "srv01.lab.example",
                        "10.0.0.99", "RDP", sessionStart, sessionEnd)));
    }

    @Test
    void signInsOfVaultManagedAccountsAlertOnlyWhenNoVaultSessionCoversThem() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant sessionStart = now.minus(50, ChronoUnit.MINUTES);
        Instant sessionEnd = now.minus(20, ChronoUnit.MINUTES);
        Instant during = now.minus(40, ChronoUnit.MINUTES);
        Instant after = now.minus(10, ChronoUnit.MINUTES);
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

            await().atMost(Duration.ofSeconds(60)).until(() -> alerts(server, "outside-pam-session").size() >= 3);
            Thread.sleep(1_000);
            Map<String, Alert> byAccount = alerts(server, "outside-pam-session").stream()
                    .collect(Collectors.toMap(Alert::compromisedEntity, Function.identity()));

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
        }
    }
}
