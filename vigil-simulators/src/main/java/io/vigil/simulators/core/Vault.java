package io.vigil.simulators.core;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-memory vault behind every simulator: accounts with asynchronous password changes that
 * finish after a set number of status polls (failing for the accounts told to fail), the
 * privileged sessions it brokered and the passwords it checked out. Vendors render it in their own shapes.
 */
public final class Vault {

    private final List<VaultAccount> accounts = new ArrayList<>();
    private final List<SessionRecord> sessions = new CopyOnWriteArrayList<>();
    private final List<CheckoutRecord> checkouts = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final int pollsUntilDone;
    private final Set<String> failingUsers;
    private Instant lastTick = Instant.EPOCH;

    Vault(SimulatorOptions options) {
        this.clock = options.clock();
        this.pollsUntilDone = options.pollsUntilChangeCompletes();
        this.failingUsers = options.failingChanges();
        Instant created = tick().minus(30, ChronoUnit.DAYS);
        int id = 1;
        for (SeedAccount seed : options.accounts()) {
            accounts.add(new VaultAccount(id++, seed, created));
        }
        sessions.addAll(options.sessions());
    }

    public synchronized List<VaultAccount> accounts() {
        return List.copyOf(accounts);
    }

    public synchronized Optional<VaultAccount> find(int id) {
        return accounts.stream().filter(a -> a.id() == id).findFirst();
    }

    public Optional<VaultAccount> byUserName(String userName) {
        return accounts().stream().filter(a -> a.seed().userName().equalsIgnoreCase(userName)).findFirst();
    }

    /** Flags the account for a change, which finishes after the configured number of polls. */
    public synchronized void requestChange(VaultAccount account) {
        account.startChange(pollsUntilDone);
        if (pollsUntilDone <= 0) {
            finish(account);
        }
    }

    /** Changes the password at once (the caller waits for the outcome). */
    public synchronized void changeNow(VaultAccount account) {
        account.startChange(0);
        finish(account);
    }

    /** A status poll: counts towards finishing an in-progress change. */
    public synchronized void observe(VaultAccount account) {
        if (account.observe()) {
            finish(account);
        }
    }

    private void finish(VaultAccount account) {
        boolean fails = failingUsers.stream().anyMatch(u -> u.equalsIgnoreCase(account.seed().userName()));
        account.finish(!fails, fails ? "The target refused the new password (simulated failure)." : null, tick());
    }

    public List<SessionRecord> sessions() {
        return List.copyOf(sessions);
    }

    public void addSession(SessionRecord session) {
        sessions.add(session);
    }

    public List<CheckoutRecord> checkouts() {
        return List.copyOf(checkouts);
    }

    /** Records a checkout of an account's password, as a person using the vault would make it. */
    public void addCheckout(CheckoutRecord checkout) {
        checkouts.add(checkout);
    }

    /** Now, to the second and always later than the previous tick, so every change moves the change time. */
    public synchronized Instant tick() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        lastTick = now.isAfter(lastTick) ? now : lastTick.plusSeconds(1);
        return lastTick;
    }

    public Clock clock() {
        return clock;
    }
}
