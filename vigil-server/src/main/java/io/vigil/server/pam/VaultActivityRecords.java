package io.vigil.server.pam;

import io.vigil.detection.spi.VaultActivity;
import io.vigil.detection.spi.VaultActivityView;
import io.vigil.model.identity.Account;
import io.vigil.server.directory.DirectoryInventory;
import io.vigil.server.directory.VaultReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The sessions each vault connection recorded, as last read by {@link VaultActivitySync}, filed by the
 * directory identity they used, with the span of time each connection's reading covers; and the
 * checkouts of an identity's vault accounts, read on demand ({@link VaultCheckouts}). What detectors ask
 * goes through the directory inventory: the event's account is resolved to its identity, and the
 * identity's "Managed by" tags say which connections must have been read. A span is covered once every
 * such connection's sessions are read past it and, where the vendor audits accounts, the checkouts of
 * the identity's account in that vault too; asking about a span whose checkouts are not read yet asks
 * for them. Each connection's session reading is replaced whole, so readers on any thread see one
 * reading or the next.
 */
@Component
class VaultActivityRecords implements VaultActivityView {

    /** One connection's reading: what it recorded, by identity, over {@code [from, until]}. */
    record Reading(Instant from, Instant until, Map<UUID, List<VaultActivity>> byIdentity) {
    }

    private final DirectoryInventory inventory;
    private final VaultCheckouts checkouts;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();

    VaultActivityRecords(DirectoryInventory inventory, VaultCheckouts checkouts) {
        this.inventory = inventory;
        this.checkouts = checkouts;
    }

    void publish(String connectionId, Reading reading) {
        readings.put(connectionId, reading);
    }

    void forget(String connectionId) {
        readings.remove(connectionId);
        checkouts.forget(connectionId);
    }

    @Override
    public List<VaultActivity> activityOf(Account account, Instant from, Instant to) {
        Optional<UUID> identity = identityOf(account);
        if (identity.isEmpty()) {
            return List.of();
        }
        List<VaultActivity> found = new ArrayList<>();
        for (Reading reading : readings.values()) {
            for (VaultActivity a : reading.byIdentity().getOrDefault(identity.get(), List.of())) {
                if (a.overlaps(from, to)) {
                    found.add(a);
                }
            }
        }
        found.addAll(checkouts.activityOf(identity.get(), inventory.current().vaultAccountsOf(identity.get()), from, to));
        return found;
    }

    @Override
    public boolean covers(Account account, Instant from, Instant to) {
        Optional<UUID> identity = identityOf(account);
        if (identity.isEmpty()) {
            return false;
        }
        List<VaultReference> managing = inventory.current().vaultAccountsOf(identity.get());
        if (managing.isEmpty()) {
            return false;
        }
        boolean sessionsRead = managing.stream().allMatch(ref -> {
            Reading r = readings.get(ref.connectionId());
            return r != null && !r.from().isAfter(from) && !r.until().isBefore(to);
        });
        boolean checkoutsRead = managing.stream().allMatch(ref -> checkouts.answers(ref, identity.get(), from, to));
        if (!checkoutsRead) {
            checkouts.want(identity.get(), from, to);
        }
        return sessionsRead && checkoutsRead;
    }

    private Optional<UUID> identityOf(Account account) {
        return inventory.current().resolve(account).map(t -> t.identity().objectGuid());
    }
}
