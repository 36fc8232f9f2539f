package io.vigil.server.pam;

import static io.vigil.server.pam.CheckoutSpansTest.connection;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detection.spi.VaultActivity;
import io.vigil.integrations.pam.AccountActivity;
import io.vigil.integrations.pam.ChangeHandle;
import io.vigil.integrations.pam.ChangeState;
import io.vigil.integrations.pam.ManagedAccount;
import io.vigil.integrations.pam.PamConnector;
import io.vigil.integrations.pam.PamException;
import io.vigil.integrations.pam.PamFailure;
import io.vigil.integrations.pam.PamOutcome;
import io.vigil.integrations.pam.PamVendor;
import io.vigil.integrations.pam.PrivilegedSession;
import io.vigil.server.directory.VaultReference;
import io.vigil.server.internal.SettableClock;
import io.vigil.store.pam.PamConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CheckoutLookupsTest {

    private static final Instant T = Instant.parse("2026-11-30T06:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(2);

    /** A vault whose account audits a test scripts: records per account, or a failure for every call. */
    private static final class FakeVault implements PamConnector {

        final PamVendor vendor;
        final Map<String, List<AccountActivity>> records = new HashMap<>();
        final List<String> asked = new ArrayList<>();
        final List<Instant> since = new ArrayList<>();
        PamFailure failure;
        int opened;

        FakeVault(PamVendor vendor) {
            this.vendor = vendor;
        }

        @Override
        public List<AccountActivity> accountActivity(String accountId, Instant from) {
            asked.add(accountId);
            since.add(from);
            if (failure != null) {
                throw new PamException(vendor, failure, failure + " (scripted)");
            }
            return records.getOrDefault(accountId, List.of());
        }

        @Override
        public PamVendor vendor() {
            return vendor;
        }

        @Override
        public PamOutcome testConnection() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ManagedAccount> listManagedAccounts() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChangeHandle requestPasswordChange(String accountId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChangeState pollChange(ChangeHandle handle) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PrivilegedSession> recentSessions(Instant s) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    private final VaultCheckouts checkouts = new VaultCheckouts();
    private final Map<String, PamConnection> connections = new HashMap<>();
    private final Map<String, FakeVault> vaults = new HashMap<>();
    private final Map<UUID, List<VaultReference>> references = new HashMap<>();
    private final SettableClock clock = new SettableClock(T);
    private final CheckoutLookups lookups = new CheckoutLookups(checkouts, id -> references.getOrDefault(id, List.of()),
            id -> Optional.ofNullable(connections.get(id)), c -> {
                FakeVault v = vaults.get(c.id());
                v.opened++;
                return v;
            }, WINDOW, clock);

    private FakeVault vault(String id, PamVendor vendor) {
        connections.put(id, connection(id, vendor.name(), "vigil-svc", List.of()));
        FakeVault v = new FakeVault(vendor);
        vaults.put(id, v);
        return v;
    }

    private UUID managed(VaultReference... refs) {
        UUID identity = UUID.randomUUID();
        references.put(identity, List.of(refs));
        return identity;
    }

    private List<VaultReference> refs(UUID identity) {
        return references.get(identity);
    }

    private static AccountActivity retrieval(String accountId, Instant at) {
        return new AccountActivity(PamVendor.CYBERARK, accountId, at, "carol", "Retrieve password", null,
                AccountActivity.Use.CHECKOUT);
    }

    @Test
    void aDueIdentityIsLookedUpFromTheWindowBeforeItsSignInsInEveryVaultThatAuditsAccounts() {
        FakeVault pvwa = vault("pvwa", PamVendor.CYBERARK);
        FakeVault ps = vault("ps", PamVendor.BEYONDTRUST);
        pvwa.records.put("12_3", List.of(retrieval("12_3", T.minusSeconds(1800))));
        UUID alice = managed(new VaultReference("pvwa", PamVendor.CYBERARK, "12_3"),
                new VaultReference("ps", PamVendor.BEYONDTRUST, "7"));
        checkouts.want(alice, T.minusSeconds(600), T.minusSeconds(300));

        lookups.runOnce();

        assertThat(pvwa.asked).containsExactly("12_3");
        assertThat(pvwa.since).containsExactly(T.minusSeconds(600).minus(WINDOW));
        assertThat(ps.opened).isZero();
        assertThat(checkouts.answers(new VaultReference("pvwa", PamVendor.CYBERARK, "12_3"), alice,
                T.minusSeconds(600), T.minusSeconds(300))).isTrue();
        assertThat(checkouts.activityOf(alice, refs(alice), T.minusSeconds(600), T.minusSeconds(300))).singleElement()
                .satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(VaultActivity.Kind.CHECKOUT);
                    assertThat(a.start()).isEqualTo(T.minusSeconds(1800));
                });
        assertThat(lookups.lookups()).isEqualTo(1);
        assertThat(checkouts.waiting()).isZero();
    }

    @Test
    void signInsStillToComeWaitAndWhatIsAlreadyAnsweredIsNotAskedAgain() {
        FakeVault pvwa = vault("pvwa", PamVendor.CYBERARK);
        VaultReference ref = new VaultReference("pvwa", PamVendor.CYBERARK, "12_3");
        UUID alice = managed(ref);
        checkouts.want(alice, T.minusSeconds(300), T.plusSeconds(300));

        lookups.runOnce();
        assertThat(pvwa.asked).isEmpty();
        assertThat(checkouts.waiting()).isEqualTo(1);

        clock.set(T.plusSeconds(300));
        lookups.runOnce();
        checkouts.want(alice, T.minusSeconds(100), T.plusSeconds(100));
        lookups.runOnce();

        assertThat(pvwa.asked).containsExactly("12_3");
    }

    @Test
    void atMostFiftyLookUpsPerConnectionAndCycleTheRestInTheNext() {
        FakeVault pvwa = vault("pvwa", PamVendor.CYBERARK);
        for (int i = 0; i < CheckoutLookups.PER_CONNECTION_PER_CYCLE + 7; i++) {
            checkouts.want(managed(new VaultReference("pvwa", PamVendor.CYBERARK, "acc" + i)), T, T);
        }

        lookups.runOnce();
        assertThat(pvwa.asked).hasSize(CheckoutLookups.PER_CONNECTION_PER_CYCLE);
        assertThat(checkouts.waiting()).isEqualTo(7);

        lookups.runOnce();
        assertThat(pvwa.asked).hasSize(CheckoutLookups.PER_CONNECTION_PER_CYCLE + 7).doesNotHaveDuplicates();
        assertThat(pvwa.opened).isEqualTo(2);
    }

    @Test
    void aFailingVaultBacksOffWhileTheOthersAreRead() {
        FakeVault down = vault("down", PamVendor.CYBERARK);
        FakeVault up = vault("up", PamVendor.DELINEA);
        down.failure = PamFailure.RATE_LIMITED;
        VaultReference downRef = new VaultReference("down", PamVendor.CYBERARK, "1_1");
        VaultReference upRef = new VaultReference("up", PamVendor.DELINEA, "42");
        UUID alice = managed(downRef, upRef);
        UUID bob = managed(downRef);
        checkouts.want(alice, T, T);
        checkouts.want(bob, T, T);

        lookups.runOnce();

        assertThat(down.asked).hasSize(1);
        assertThat(up.asked).containsExactly("42");
        assertThat(checkouts.answers(upRef, alice, T, T)).isTrue();
        assertThat(checkouts.answers(downRef, alice, T, T)).isFalse();
        assertThat(checkouts.waiting()).isEqualTo(2);
        assertThat(lookups.failures()).isEqualTo(1);

        lookups.runOnce();
        assertThat(down.asked).as("backing off").hasSize(1);
        assertThat(up.asked).as("alice's Delinea account is read already").hasSize(1);

        clock.set(T.plus(CheckoutLookups.EVERY));
        down.failure = null;
        lookups.runOnce();
        assertThat(down.asked).hasSize(3);
        assertThat(checkouts.answers(downRef, alice, T, T)).isTrue();
        assertThat(checkouts.answers(downRef, bob, T, T)).isTrue();
        assertThat(checkouts.waiting()).isZero();
    }

    @Test
    void aVaultWithoutTheApiIsMarkedOnceAndAnAccountItNoLongerHoldsHasNoCheckouts() {
        FakeVault old = vault("old", PamVendor.CYBERARK);
        old.failure = PamFailure.UNSUPPORTED;
        FakeVault pvwa = vault("pvwa", PamVendor.CYBERARK);
        pvwa.failure = PamFailure.NOT_FOUND;
        VaultReference oldRef = new VaultReference("old", PamVendor.CYBERARK, "1_1");
        VaultReference goneRef = new VaultReference("pvwa", PamVendor.CYBERARK, "9_9");
        UUID alice = managed(oldRef);
        UUID bob = managed(oldRef);
        UUID carol = managed(goneRef);
        checkouts.want(alice, T, T);
        checkouts.want(bob, T, T);
        checkouts.want(carol, T, T);

        lookups.runOnce();

        assertThat(old.asked).hasSize(1);
        assertThat(checkouts.reads(oldRef)).isFalse();
        assertThat(checkouts.answers(oldRef, bob, T, T)).isTrue();
        assertThat(checkouts.answers(goneRef, carol, T, T)).isTrue();
        assertThat(checkouts.activityOf(carol, refs(carol), T.minus(WINDOW), T)).isEmpty();
        assertThat(lookups.failures()).isZero();
    }

    @Test
    void aRemovedOrDisabledConnectionIsNotAsked() {
        FakeVault pvwa = vault("pvwa", PamVendor.CYBERARK);
        PamConnection c = connections.get("pvwa");
        connections.put("pvwa", new PamConnection(c.id(), c.name(), c.vendor(), c.authMode(), c.url(), null, c.userName(),
                null, c.sessionHosts(), false, c.status(), null, T, T, 1, T, T));
        UUID alice = managed(new VaultReference("pvwa", PamVendor.CYBERARK, "12_3"),
                new VaultReference("gone", PamVendor.CYBERARK, "1_1"));
        checkouts.want(alice, T, T);

        lookups.runOnce();

        assertThat(pvwa.opened).isZero();
        assertThat(lookups.failures()).isZero();
    }
}
