package io.vigil.server.pam;

import io.vigil.integrations.http.Backoff;
import io.vigil.integrations.pam.AccountActivity;
import io.vigil.integrations.pam.PamConnector;
import io.vigil.integrations.pam.PamException;
import io.vigil.server.directory.DirectoryInventory;
import io.vigil.server.directory.VaultReference;
import io.vigil.server.internal.PeriodicWork;
import io.vigil.server.pam.VaultCheckouts.Reading;
import io.vigil.server.pam.VaultCheckouts.Span;
import io.vigil.store.VigilDatabase;
import io.vigil.store.pam.PamConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every {@link #EVERY}, reads the audit trails that waiting sign-ins asked {@link VaultCheckouts} for:
 * for each due identity, the vault account behind each of its "Managed by" tags whose vendor audits
 * accounts, from the checkout window before the first sign-in on. At most
 * {@link #PER_CONNECTION_PER_CYCLE} look-ups per connection and cycle (the rest wait for the next); a
 * connection whose look-up fails (refused, rate-limited still after the connector's own retries, down)
 * is left alone for the integrations' exponential {@link Backoff} (from {@link #EVERY} up to
 * {@link #MAX_BACKOFF}, with jitter), its look-ups wait, and the other
 * connections go on. A vault without the API (CyberArk before 13.2) is marked so once and answers by its
 * sessions alone; an account the vault no longer holds has no checkouts.
 */
@Component
class CheckoutLookups extends PeriodicWork {

    static final Duration EVERY = Duration.ofSeconds(15);
    static final int PER_CONNECTION_PER_CYCLE = 50;
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(CheckoutLookups.class);

    /** One vault account's audit trail to read for an identity's waiting sign-ins. */
    private record Lookup(UUID identity, VaultReference ref, Span span) {
    }

    private static final Backoff BACKOFF = new Backoff(EVERY, MAX_BACKOFF);

    /** A connection whose look-ups failed this many cycles in a row, left alone until {@code until}. */
    private record Failing(Instant until, int failures) {
    }

    private final VaultCheckouts checkouts;
    private final Function<UUID, List<VaultReference>> references;
    private final Function<String, Optional<PamConnection>> connections;
    private final Function<PamConnection, PamConnector> open;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Failing> failing = new HashMap<>();
    private final AtomicLong lookups = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /** @param window how long a checkout without a check-in covers sign-ins ({@code vigil.pam.checkout-window}) */
    @Autowired
    CheckoutLookups(VaultCheckouts checkouts, DirectoryInventory inventory, VigilDatabase database, VaultConfigs configs,
                    @Value("${vigil.pam.checkout-window:2h}") Duration window) {
        this(checkouts, identity -> inventory.current().vaultAccountsOf(identity),
                id -> database.pamConnections().find(id), c -> configs.of(c).open(), window, Clock.systemUTC());
    }

    CheckoutLookups(VaultCheckouts checkouts, Function<UUID, List<VaultReference>> references,
                    Function<String, Optional<PamConnection>> connections, Function<PamConnection, PamConnector> open,
                    Duration window, Clock clock) {
        super("vigil-pam-checkouts", EVERY, EVERY);
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("vigil.pam.checkout-window must be positive, not " + window);
        }
        this.checkouts = checkouts;
        this.references = references;
        this.connections = connections;
        this.open = open;
        this.window = window;
        this.clock = clock;
    }

    @Override
    protected void round() {
        runOnce();
    }

    /** One cycle: the due identities' look-ups, connection by connection. */
    synchronized void runOnce() {
        Instant now = clock.instant();
        checkouts.prune(now.minus(VaultActivitySync.LOOKBACK));
        Map<String, List<Lookup>> byConnection = new LinkedHashMap<>();
        checkouts.takeDue(now).forEach((identity, span) -> references.apply(identity).stream()
                .filter(checkouts::reads)
                .filter(ref -> !checkouts.answers(ref, identity, span.from(), span.to()))
                .forEach(ref -> byConnection.computeIfAbsent(ref.connectionId(), k -> new ArrayList<>())
                        .add(new Lookup(identity, ref, span))));
        byConnection.forEach((connectionId, waiting) -> {
            try {
                read(connectionId, waiting, now);
            } catch (RuntimeException e) {
                failed(connectionId, connectionId, waiting, now, e.toString());
            }
        });
    }

    private void read(String connectionId, List<Lookup> waiting, Instant now) {
        Optional<PamConnection> found = connections.apply(connectionId).filter(PamConnection::enabled);
        if (found.isEmpty()) {
            return; // removed or disabled: covers() no longer asks for it
        }
        PamConnection c = found.get();
        Failing f = failing.get(connectionId);
        if (f != null && now.isBefore(f.until())) {
            requeue(waiting);
            return;
        }
        int count = Math.min(waiting.size(), PER_CONNECTION_PER_CYCLE);
        requeue(waiting.subList(count, waiting.size()));
        try (PamConnector vault = open.apply(c)) {
            for (int i = 0; i < count; i++) {
                Lookup l = waiting.get(i);
                Instant since = l.span().from().minus(window);
                Instant readAt = clock.instant();
                List<AccountActivity> records;
                try {
                    records = vault.accountActivity(l.ref().accountId(), since);
                    lookups.incrementAndGet();
                } catch (PamException e) {
                    switch (e.failure()) {
                        case UNSUPPORTED -> {
                            checkouts.unsupported(connectionId);
                            log.info("PAM connection {} offers no account audits ({}); its sessions alone vouch for"
                                    + " sign-ins", c.name(), e.getMessage());
                            return;
                        }
                        case NOT_FOUND -> records = List.of();
                        default -> {
                            failed(c.name(), connectionId, waiting.subList(i, count), now, e.getMessage());
                            return;
                        }
                    }
                }
                checkouts.publish(connectionId, l.identity(), new Reading(l.span().from(), readAt,
                        CheckoutSpans.of(records, c, window)));
            }
        }
        failing.remove(connectionId);
        log.debug("PAM connection {}: {} account audits read, {} waiting for the next cycle", c.name(), count,
                waiting.size() - count);
    }

    private void failed(String name, String connectionId, List<Lookup> waiting, Instant now, String why) {
        failures.incrementAndGet();
        Failing previous = failing.get(connectionId);
        int failures = previous == null ? 1 : previous.failures() + 1;
        Duration step = BACKOFF.delay(failures);
        failing.put(connectionId, new Failing(now.plus(step), failures));
        requeue(waiting);
        log.warn("account audits of PAM connection {} could not be read ({} look-ups wait, next try in {} s): {}",
                name, waiting.size(), step.toSeconds(), why);
    }

    private void requeue(List<Lookup> waiting) {
        waiting.forEach(l -> checkouts.want(l.identity(), l.span().from(), l.span().to()));
    }

    /** Account audits read so far. */
    long lookups() {
        return lookups.get();
    }

    /** Look-up cycles of a connection that failed. */
    long failures() {
        return failures.get();
    }
}
