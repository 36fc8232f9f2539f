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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The sessions and checkouts each vault connection recorded, as last read by {@link VaultActivitySync},
 * filed by the directory identity they used, with the span of time each connection's reading covers.
 * What detectors ask goes through the directory inventory: the event's account is resolved to its
 * identity, and the identity's "Managed by" tags say which connections must have been read. Each
 * connection's reading is replaced whole, so readers on any thread see one reading or the next.
 */
@Component
class VaultActivityRecords implements VaultActivityView {

    /** One connection's reading: what it recorded, by identity, over {@code [from, until]}. */
    record Reading(Instant from, Instant until, Map<UUID, List<VaultActivity>> byIdentity) {
    }

    private final DirectoryInventory inventory;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();

    VaultActivityRecords(DirectoryInventory inventory) {
        this.inventory = inventory;
    }

    void publish(String connectionId, Reading reading) {
        readings.put(connectionId, reading);
    }

    void forget(String connectionId) {
        readings.remove(connectionId);
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
        return found;
    }

    @Override
    public boolean covers(Account account, Instant from, Instant to) {
        Optional<UUID> identity = identityOf(account);
        if (identity.isEmpty()) {
            return false;
        }
        Set<String> managing = inventory.current().vaultAccountsOf(identity.get()).stream()
                .map(VaultReference::connectionId).collect(Collectors.toSet());
        return !managing.isEmpty() && managing.stream().allMatch(c -> {
            Reading r = readings.get(c);
            return r != null && !r.from().isAfter(from) && !r.until().isBefore(to);
        });
    }

    private Optional<UUID> identityOf(Account account) {
        return inventory.current().resolve(account).map(t -> t.identity().objectGuid());
    }
}
