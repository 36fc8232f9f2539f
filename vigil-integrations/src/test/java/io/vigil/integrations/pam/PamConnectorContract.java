package io.vigil.integrations.pam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.simulators.core.CheckoutRecord;
import io.vigil.simulators.core.Fault;
import io.vigil.simulators.core.RecordedRequest;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.core.VendorSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every PAM connector must do against its vendor's simulator. Each vendor's test extends
 * this with how to start its simulator and configure its connector, and adds its own wire details.
 */
public abstract class PamConnectorContract<S extends VendorSimulator> {

    protected static final int MAX_ATTEMPTS = 3;
    protected static final Duration INITIAL_BACKOFF = Duration.ofMillis(200);

    protected final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** Starts the vendor's simulator. */
    protected abstract S start(SimulatorOptions options);

    /** A connector configured with the vendor's main auth mode, the right credentials and this page size. */
    protected abstract PamConfig config(S sim, PamHttpSettings http, int pageSize);

    /** The same with a wrong password / key / client secret, given as {@code wrongSecret}. */
    protected abstract PamConfig configWithWrongSecret(S sim, PamHttpSettings http, String wrongSecret);

    /** The vendor's id of the simulated account with this user name. */
    protected abstract String vendorId(S sim, String userName);

    /** A regex matching the path of the account listing requests (not sign-in). */
    protected abstract String listingPath();

    /** A regex matching the path of the change request. */
    protected abstract String changePath();

    /** A regex matching the path of one account's audit requests; null for a vendor without account audits. */
    protected abstract String accountActivityPath();

    /** Whether the vendor's session records name the account by the vault's id, not only by name. */
    protected boolean sessionsNameTheAccountId() {
        return true;
    }

    /** The credential values the simulator accepts, none of which may ever show in a message. */
    protected List<String> credentials(S sim) {
        SimulatorOptions o = sim.options();
        return List.of(o.password(), o.apiKey(), o.clientSecret());
    }

    protected PamHttpSettings http() {
        return PamHttpSettings.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withRetries(MAX_ATTEMPTS, INITIAL_BACKOFF, Duration.ofSeconds(2), Duration.ofMinutes(1))
                .withSleeper(sleeper);
    }

    protected S simulator(SimulatorOptions options) {
        S sim = start(options);
        toClose.add(sim);
        return sim;
    }

    protected PamConnector connector(PamConfig config) {
        PamConnector connector = config.open();
        toClose.add(0, connector);
        return connector;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    /** Every header value and body the simulator received that could hold a token or cookie. */
    protected static List<String> sessionSecretsSeen(VendorSimulator sim) {
        List<String> out = new ArrayList<>();
        for (RecordedRequest r : sim.requests()) {
            Stream.of(r.header("Authorization"), r.header("Cookie")).filter(v -> v != null).forEach(v -> {
                out.add(v);
                String[] words = v.split("[\\s;=]+");
                for (String w : words) {
                    if (w.length() >= 16) {
                        out.add(w);
                    }
                }
            });
        }
        return out;
    }

    protected static ChangeState pollUntilFinal(PamConnector connector, ChangeHandle handle, List<ChangeStatus> seen) {
        for (int i = 0; i < 20; i++) {
            ChangeState state = connector.pollChange(handle);
            seen.add(state.status());
            if (state.isFinal()) {
                return state;
            }
        }
        throw new AssertionError("the change never finished; states seen: " + seen);
    }

    @Test
    void testConnectionSignsInAndReportsOk() {
        S sim = simulator(SimulatorOptions.defaults());
        PamOutcome outcome = connector(config(sim, http(), 50)).testConnection();
        assertThat(outcome.ok()).as(outcome.message()).isTrue();
        assertThat(outcome.failure()).isNull();
        assertThat(outcome.message()).contains("Signed in");
    }

    @Test
    void listsEveryAccountAcrossSeveralPages() {
        S sim = simulator(SimulatorOptions.defaults().withGeneratedAccounts(8));
        List<ManagedAccount> accounts = connector(config(sim, http(), 4)).listManagedAccounts();

        assertThat(accounts).extracting(ManagedAccount::userName).containsExactlyInAnyOrderElementsOf(
                sim.vault().accounts().stream().map(a -> a.seed().userName()).collect(Collectors.toList()));
        assertThat(sim.requests(r -> r.path().matches("(?i).*" + listingPath()))).hasSizeGreaterThanOrEqualTo(3);
        ManagedAccount alice = accounts.stream().filter(a -> a.userName().equals("adm_alice")).findFirst().orElseThrow();
        assertThat(alice.id()).isEqualTo(vendorId(sim, "adm_alice"));
        assertThat(alice.directoryAccount()).isTrue();
        assertThat(alice.matches("LAB", "lab.local", "adm_alice", null)).isTrue();
        assertThat(alice.matches("LAB", "lab.local", "svc_sql", null)).isFalse();
        assertThat(alice.lastChanged()).isNotNull();
        ManagedAccount local = accounts.stream().filter(a -> a.userName().equals("Administrator")).findFirst().orElseThrow();
        assertThat(local.directoryAccount()).isFalse();
        assertThat(local.matches("LAB", "lab.local", "Administrator", null)).isFalse();
    }

    @Test
    void listsAVaultOfMoreThan2500AccountsPageByPage() {
        S sim = simulator(SimulatorOptions.defaults().withGeneratedAccounts(2_500));
        List<ManagedAccount> accounts = connector(config(sim, http(), 1_000)).listManagedAccounts();

        assertThat(accounts).hasSize(sim.vault().accounts().size()).hasSizeGreaterThan(2_500);
        assertThat(accounts).extracting(ManagedAccount::id).doesNotHaveDuplicates();
        assertThat(sim.requests(r -> r.path().matches("(?i).*" + listingPath()))).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void resetReachesSucceededAfterSeveralPolls() {
        S sim = simulator(SimulatorOptions.defaults().withPollsUntilChangeCompletes(3));
        PamConnector connector = connector(config(sim, http(), 50));
        Instant before = sim.vault().byUserName("svc_sql").orElseThrow().lastChange();

        ChangeHandle handle = connector.requestPasswordChange(vendorId(sim, "svc_sql"));
        List<ChangeStatus> seen = new ArrayList<>();
        ChangeState state = pollUntilFinal(connector, handle, seen);

        assertThat(state.status()).isEqualTo(ChangeStatus.SUCCEEDED);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(2).startsWith(ChangeStatus.IN_PROGRESS);
        assertThat(state.changedAt()).isAfter(before);
        assertThat(handle.accountId()).isEqualTo(vendorId(sim, "svc_sql"));
        assertThat(handle.lastChangeBefore()).isEqualTo(before);
        assertThat(sim.vault().byUserName("svc_sql").orElseThrow().changeRequests()).isEqualTo(1);
    }

    @Test
    void aChangeTheTargetRefusesEndsFailedWithAReason() {
        S sim = simulator(SimulatorOptions.defaults().withPollsUntilChangeCompletes(2).withFailingChanges("svc_sql"));
        PamConnector connector = connector(config(sim, http(), 50));

        ChangeState state = pollUntilFinal(connector, connector.requestPasswordChange(vendorId(sim, "svc_sql")),
                new ArrayList<>());

        assertThat(state.status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(state.message()).isNotBlank();
        assertThat(state.changedAt()).isNull();
    }

    @Test
    void anExpiredSessionIsOpenedAgainOnceAndTheCallSucceeds() {
        S sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));
        assertThat(connector.listManagedAccounts()).hasSize(3);
        int signInsBefore = signIns(sim);

        sim.expireSessions();
        assertThat(connector.listManagedAccounts()).hasSize(3);

        assertThat(signIns(sim)).isEqualTo(signInsBefore + 1);
        assertThat(sleeper.waits()).isEmpty();
    }

    /** How many sign-in requests (logon or token) the simulator received. */
    protected abstract int signIns(S sim);

    @Test
    void rateLimitingWaitsWhatRetryAfterSays() {
        S sim = simulator(SimulatorOptions.defaults());
        sim.faults().inject(Fault.tooManyRequests("7").onPath(listingPath() + "$"));

        assertThat(connector(config(sim, http(), 50)).listManagedAccounts()).hasSize(3);

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void serverErrorsAreRetriedWithinBoundsThenReportedClearly() {
        S sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));
        connector.testConnection();
        sim.clearRequests();
        sim.faults().inject(Fault.status(503).times(100).onPath(listingPath() + "$"));

        PamException e = catchThrowableOfType(PamException.class, connector::listManagedAccounts);

        assertThat(e.failure()).isEqualTo(PamFailure.VENDOR_ERROR);
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.getMessage()).contains("503").contains("after " + MAX_ATTEMPTS + " attempts");
        assertThat(sim.requests(r -> r.path().matches("(?i).*" + listingPath()))).hasSize(MAX_ATTEMPTS);
        assertThat(sleeper.waits()).hasSize(MAX_ATTEMPTS - 1);
        // equal jitter: between half and all of the exponential step
        assertThat(sleeper.waits().get(0)).isBetween(INITIAL_BACKOFF.dividedBy(2), INITIAL_BACKOFF);
        assertThat(sleeper.waits().get(1)).isBetween(INITIAL_BACKOFF, INITIAL_BACKOFF.multipliedBy(2));
    }

    @Test
    void aChangeAnsweredWithAServerErrorIsNotSentAgain() {
        S sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));
        sim.faults().inject(Fault.status(502).times(5).onPath(changePath()));

        assertThatThrownBy(() -> connector.requestPasswordChange(vendorId(sim, "svc_sql")))
                .isInstanceOfSatisfying(PamException.class, e -> {
                    assertThat(e.failure()).isEqualTo(PamFailure.VENDOR_ERROR);
                    assertThat(e.getMessage()).contains("502");
                });
        assertThat(sim.requests(r -> r.path().matches("(?i).*" + changePath()))).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aChangeAnsweredTooManyRequestsIsSentAgainAfterTheWait() {
        S sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));
        sim.faults().inject(Fault.tooManyRequests("3").onPath(changePath()));

        connector.requestPasswordChange(vendorId(sim, "svc_sql"));

        assertThat(sim.requests(r -> r.path().matches("(?i).*" + changePath()))).hasSize(2);
        assertThat(sim.vault().byUserName("svc_sql").orElseThrow().changeRequests()).isEqualTo(1);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aSlowAnswerEndsInATimeoutOutcome() {
        S sim = simulator(SimulatorOptions.defaults());
        PamHttpSettings impatient = http().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300));
        sim.faults().inject(Fault.delay(Duration.ofSeconds(3)).onPath(listingPath() + "$"));

        PamOutcome outcome = connector(config(sim, impatient, 1)).testConnection();

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.failure()).isEqualTo(PamFailure.TIMEOUT);
        assertThat(outcome.message()).contains("did not answer").contains("0.3 s");
    }

    @Test
    void wrongCredentialsAreAnAuthenticationFailureThatNamesNoSecret() {
        S sim = simulator(SimulatorOptions.defaults());
        String wrong = "Wrong-Secret-1234567";

        PamOutcome outcome = connector(configWithWrongSecret(sim, http(), wrong)).testConnection();

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.failure()).isEqualTo(PamFailure.AUTHENTICATION);
        assertThat(outcome.message()).contains("refused").doesNotContain(wrong);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void noSecretOrTokenAppearsInAnyMessageOrToString() {
        S sim = simulator(SimulatorOptions.defaults());
        PamConfig config = config(sim, http(), 50);
        PamConnector connector = connector(config);
        List<String> shown = new ArrayList<>();
        shown.add(connector.testConnection().message());
        shown.add(config.toString());
        shown.add(connector.toString());
        sim.faults().inject(Fault.status(500).times(100).onPath(listingPath() + "$"));
        shown.add(catchThrowableOfType(PamException.class, connector::listManagedAccounts).toString());
        sim.faults().clear();
        // twice: a vendor that answers an expired token with 403 signs in again before giving up
        sim.faults().inject(Fault.status(403).times(2).onPath(changePath()));
        shown.add(catchThrowableOfType(PamException.class,
                () -> connector.requestPasswordChange(vendorId(sim, "svc_sql"))).toString());
        sim.faults().clear();
        String wrong = "Wrong-Secret-7654321";
        PamConfig wrongConfig = configWithWrongSecret(sim, http(), wrong);
        shown.add(wrongConfig.toString());
        shown.add(connector(wrongConfig).testConnection().message());

        List<String> secrets = new ArrayList<>(credentials(sim));
        secrets.add(wrong);
        secrets.addAll(sessionSecretsSeen(sim));
        assertThat(secrets).isNotEmpty();
        for (String message : shown) {
            for (String secret : secrets) {
                assertThat(message).as("a message or toString").doesNotContain(secret);
            }
        }
    }

    @Test
    void recentSessionsAreThoseStartedSinceTheGivenTime() {
        S sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));
        Instant now = Instant.now();

        List<PrivilegedSession> all = connector.recentSessions(now.minus(3, ChronoUnit.HOURS));
        List<PrivilegedSession> lastHalfHour = connector.recentSessions(now.minus(30, ChronoUnit.MINUTES));

        assertThat(all).extracting(PrivilegedSession::accountUserName).containsExactlyInAnyOrder("adm_alice", "svc_sql");
        PrivilegedSession ended = all.stream().filter(s -> s.accountUserName().equals("adm_alice")).findFirst().orElseThrow();
        assertThat(ended.live()).isFalse();
        assertThat(ended.targetHost()).isEqualTo("dc01.lab.local");
        assertThat(ended.end()).isAfter(ended.start());
        assertThat(lastHalfHour).singleElement().satisfies(s -> {
            assertThat(s.accountUserName()).isEqualTo("svc_sql");
            assertThat(s.live()).isTrue();
            assertThat(s.targetHost()).isEqualTo("sql01.lab.local");
        });
    }

    @Test
    void sessionsNameTheVaultAccountTheyUsedWhereTheVendorSays() {
        S sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));

        PrivilegedSession svcSql = connector.recentSessions(Instant.now().minus(3, ChronoUnit.HOURS)).stream()
                .filter(s -> s.accountUserName().equals("svc_sql")).findFirst().orElseThrow();

        assertThat(svcSql.accountId()).isEqualTo(sessionsNameTheAccountId() ? vendorId(sim, "svc_sql") : null);
        assertThat(svcSql.user()).isNotBlank();
    }

    /**
     * adm_alice's password checked out 50 minutes ago and given back 20 minutes ago, one checked out
     * five hours ago and never given back, and svc_sql's checked out ten minutes ago.
     */
    private static Instant recordCheckouts(VendorSimulator sim) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        sim.vault().addCheckout(new CheckoutRecord("c1", "carol", "adm_alice", now.minus(50, ChronoUnit.MINUTES),
                now.minus(20, ChronoUnit.MINUTES)));
        sim.vault().addCheckout(new CheckoutRecord("c0", "carol", "adm_alice", now.minus(5, ChronoUnit.HOURS), null));
        sim.vault().addCheckout(new CheckoutRecord("c2", "dan", "svc_sql", now.minus(10, ChronoUnit.MINUTES), null));
        return now;
    }

    @Test
    void anAccountsCheckoutsAndCheckInsSinceTheGivenTimeAreReadNewestFirst() {
        S sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));
        Instant now = recordCheckouts(sim);
        if (accountActivityPath() == null) {
            assertThat(connector.vendor().auditsAccounts()).isFalse();
            assertThatThrownBy(() -> connector.accountActivity(vendorId(sim, "adm_alice"), now.minus(1, ChronoUnit.HOURS)))
                    .isInstanceOfSatisfying(PamException.class, e -> assertThat(e.failure()).isEqualTo(PamFailure.UNSUPPORTED));
            assertThat(sim.requests()).isEmpty();
            return;
        }
        assertThat(connector.vendor().auditsAccounts()).isTrue();

        List<AccountActivity> recent = connector.accountActivity(vendorId(sim, "adm_alice"), now.minus(1, ChronoUnit.HOURS));

        assertThat(recent).extracting(AccountActivity::use)
                .containsExactly(AccountActivity.Use.CHECKIN, AccountActivity.Use.CHECKOUT);
        assertThat(recent).extracting(AccountActivity::time)
                .containsExactly(now.minus(20, ChronoUnit.MINUTES), now.minus(50, ChronoUnit.MINUTES));
        assertThat(recent).allSatisfy(a -> {
            assertThat(a.user()).isEqualTo("carol");
            assertThat(a.accountId()).isEqualTo(vendorId(sim, "adm_alice"));
            assertThat(a.vendor()).isEqualTo(connector.vendor());
        });
    }

    @Test
    void anAccountsAuditOfAnAccountTheVaultDoesNotHoldIsNotFound() {
        assumeTrue(accountActivityPath() != null, "the vendor has no account audit API");
        S sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));

        assertThatThrownBy(() -> connector.accountActivity("999", Instant.now().minus(1, ChronoUnit.HOURS)))
                .isInstanceOfSatisfying(PamException.class, e -> assertThat(e.failure()).isEqualTo(PamFailure.NOT_FOUND));
    }

    @Test
    void anAccountsAuditAnsweredTooManyRequestsIsReadAfterTheWait() {
        assumeTrue(accountActivityPath() != null, "the vendor has no account audit API");
        S sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));
        Instant now = recordCheckouts(sim);
        sim.faults().inject(Fault.tooManyRequests("4").onPath(accountActivityPath()));

        List<AccountActivity> recent = connector.accountActivity(vendorId(sim, "svc_sql"), now.minus(1, ChronoUnit.HOURS));

        assertThat(recent).extracting(AccountActivity::use).contains(AccountActivity.Use.CHECKOUT);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void anAccountsAuditFailingOnTheVendorsSideIsReportedAfterBoundedRetries() {
        assumeTrue(accountActivityPath() != null, "the vendor has no account audit API");
        S sim = simulator(SimulatorOptions.defaults());
        PamConnector connector = connector(config(sim, http(), 50));
        sim.faults().inject(Fault.status(500).times(100).onPath(accountActivityPath()));

        PamException e = catchThrowableOfType(PamException.class,
                () -> connector.accountActivity(vendorId(sim, "svc_sql"), Instant.now().minus(1, ChronoUnit.HOURS)));

        assertThat(e.failure()).isEqualTo(PamFailure.VENDOR_ERROR);
        assertThat(sim.requests(r -> r.path().matches("(?i).*" + accountActivityPath() + "/?"))).hasSize(MAX_ATTEMPTS);
    }
}
