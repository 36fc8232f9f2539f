package io.vigil.simulators.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a simulator starts: the vault's accounts and sessions, how many status polls a password
 * change takes, which accounts' changes fail, the credentials it accepts (public demo values, not
 * secrets), session lifetime and clock.
 *
 * @param userName     vault user (CyberArk logon, BeyondTrust run-as, Delinea password grant)
 * @param password     that user's password
 * @param apiKey       BeyondTrust API registration key
 * @param clientId     OAuth client (CyberArk Identity service user, BeyondTrust API client, Delinea Platform service user)
 * @param clientSecret that client's secret
 */
public record SimulatorOptions(List<SeedAccount> accounts, List<SessionRecord> sessions, int pollsUntilChangeCompletes,
                               Set<String> failingChanges, String userName, String password, String apiKey,
                               String clientId, String clientSecret, Duration sessionLifetime, Clock clock) {

    public static final String DEFAULT_USER = "vigil-svc";
    public static final String DEFAULT_PASSWORD = "Sim-Vault-Password-1!";
    public static final String DEFAULT_API_KEY =
            "c479a66f4d1c1a7e3b8e5c2d9f0a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c";
    public static final String DEFAULT_CLIENT_ID = "vigil-svc@cyberark.cloud.12345";
    public static final String DEFAULT_CLIENT_SECRET = "Sim-Client-Secret-1!";

    public SimulatorOptions {
        accounts = List.copyOf(accounts);
        sessions = List.copyOf(sessions);
        failingChanges = Set.copyOf(failingChanges);
    }

    /** The demo vault: {@code LAB\svc_sql} and {@code LAB\adm_alice}, a local administrator, and two sessions. */
    public static SimulatorOptions defaults() {
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<SeedAccount> accounts = List.of(
                SeedAccount.domain("svc_sql", "LAB", "lab.local"),
                SeedAccount.domain("adm_alice", "LAB", "lab.local"),
                SeedAccount.local("Administrator", "web01.lab.local"));
        List<SessionRecord> sessions = List.of(
                new SessionRecord("1", "alice", "adm_alice", "lab.local", "dc01.lab.local", "10.0.0.21", "RDP",
                        now.minus(2, ChronoUnit.HOURS), now.minus(90, ChronoUnit.MINUTES)),
                new SessionRecord("2", "bob", "svc_sql", "lab.local", "sql01.lab.local", "10.0.0.35", "RDP",
                        now.minus(10, ChronoUnit.MINUTES), null));
        return new SimulatorOptions(accounts, sessions, 3, Set.of(), DEFAULT_USER, DEFAULT_PASSWORD, DEFAULT_API_KEY,
                DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, Duration.ofMinutes(20), clock);
    }

    public SimulatorOptions withAccounts(List<SeedAccount> value) {
        return new SimulatorOptions(value, sessions, pollsUntilChangeCompletes, failingChanges, userName, password,
                apiKey, clientId, clientSecret, sessionLifetime, clock);
    }

    /** The default accounts plus {@code count} more domain service accounts ({@code svc_app001}…), for paging. */
    public SimulatorOptions withGeneratedAccounts(int count) {
        List<SeedAccount> all = new ArrayList<>(accounts);
        for (int i = 1; i <= count; i++) {
            all.add(SeedAccount.domain(String.format("svc_app%03d", i), "LAB", "lab.local"));
        }
        return withAccounts(all);
    }

    public SimulatorOptions withSessions(List<SessionRecord> value) {
        return new SimulatorOptions(accounts, value, pollsUntilChangeCompletes, failingChanges, userName, password,
                apiKey, clientId, clientSecret, sessionLifetime, clock);
    }

    public SimulatorOptions withPollsUntilChangeCompletes(int value) {
        return new SimulatorOptions(accounts, sessions, value, failingChanges, userName, password, apiKey, clientId,
                clientSecret, sessionLifetime, clock);
    }

    /** Password changes of these user names fail on the target. */
    public SimulatorOptions withFailingChanges(String... userNames) {
        return new SimulatorOptions(accounts, sessions, pollsUntilChangeCompletes, Set.of(userNames), userName,
                password, apiKey, clientId, clientSecret, sessionLifetime, clock);
    }

    public SimulatorOptions withClock(Clock value) {
        return new SimulatorOptions(accounts, sessions, pollsUntilChangeCompletes, failingChanges, userName, password,
                apiKey, clientId, clientSecret, sessionLifetime, value);
    }

    public SimulatorOptions withSessionLifetime(Duration value) {
        return new SimulatorOptions(accounts, sessions, pollsUntilChangeCompletes, failingChanges, userName, password,
                apiKey, clientId, clientSecret, value, clock);
    }
}
