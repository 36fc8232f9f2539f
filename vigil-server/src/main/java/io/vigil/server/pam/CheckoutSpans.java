package io.vigil.server.pam;

import io.vigil.detection.spi.VaultActivity;
import io.vigil.integrations.pam.AccountActivity;
import io.vigil.store.pam.PamConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one vault account's audit records into what detectors weigh a sign-in against. A checkout
 * (retrieval, display, copy) covers sign-ins from anywhere from its time until the same user's next
 * check-in, but never longer than the checkout window: vendors record no end for a retrieval, and a
 * password kept past the window is one the vault no longer vouches for. A launch is a session the vault
 * opened, so it covers only the sign-in it made at that moment, from the connection's session hosts.
 * Records by the connection's own API user are Vigil's reads, nobody's checkout.
 */
final class CheckoutSpans {

    private CheckoutSpans() {
    }

    static List<VaultActivity> of(List<AccountActivity> records, PamConnection c, Duration window) {
        String vault = VaultActivitySync.vaultName(c);
        List<AccountActivity> oldestFirst = records.stream()
                .filter(r -> r.time() != null && r.use() != AccountActivity.Use.OTHER)
                .filter(r -> r.user() == null || !r.user().equalsIgnoreCase(c.userName()))
                .sorted(Comparator.comparing(AccountActivity::time))
                .toList();
        List<VaultActivity> out = new ArrayList<>();
        List<AccountActivity> open = new ArrayList<>();
        for (AccountActivity r : oldestFirst) {
            switch (r.use()) {
                case CHECKOUT -> open.add(r);
                case LAUNCH -> out.add(new VaultActivity(VaultActivity.Kind.SESSION, vault, id(r), r.user(),
                        Set.copyOf(c.sessionHosts()), null, r.time(), r.time()));
                case CHECKIN -> returned(open, r).ifPresent(checkout -> {
                    open.remove(checkout);
                    out.add(checkout(vault, checkout, earliest(r.time(), checkout.time().plus(window))));
                });
                default -> { }
            }
        }
        open.forEach(checkout -> out.add(checkout(vault, checkout, checkout.time().plus(window))));
        return out;
    }

    /** The latest open checkout the check-in gives back: the same user's, else (no user named) the latest. */
    private static Optional<AccountActivity> returned(List<AccountActivity> open, AccountActivity checkIn) {
        for (int i = open.size() - 1; i >= 0; i--) {
            AccountActivity candidate = open.get(i);
            if (checkIn.user() == null || candidate.user() == null || checkIn.user().equalsIgnoreCase(candidate.user())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static VaultActivity checkout(String vault, AccountActivity r, Instant end) {
        return new VaultActivity(VaultActivity.Kind.CHECKOUT, vault, id(r), r.user(), Set.of(), null, r.time(), end);
    }

    /** {@code 12_3 at 2026-11-30T06:00:00Z}: vendors give audit records no id the APIs agree on. */
    private static String id(AccountActivity r) {
        return Objects.toString(r.accountId(), "?") + " at " + r.time();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
