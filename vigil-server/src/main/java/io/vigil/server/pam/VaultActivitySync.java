package io.vigil.server.pam;

import io.vigil.server.internal.PeriodicWork;
import io.vigil.detection.spi.VaultActivity;
import io.vigil.integrations.ldap.IdentityNames;
import io.vigil.integrations.pam.PamConnector;
import io.vigil.integrations.pam.PamException;
import io.vigil.integrations.pam.PamVendor;
import io.vigil.integrations.pam.PrivilegedSession;
import io.vigil.server.directory.DirectoryInventory;
import io.vigil.server.directory.InventoryIndex;
import io.vigil.server.pam.VaultActivityRecords.Reading;
import io.vigil.store.VigilDatabase;
import io.vigil.store.pam.PamConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the sessions each enabled vault brokered over the last {@link #LOOKBACK}, every {@link #EVERY}
 * (and with every on-demand sync of a connection), and files them by the directory identity whose
 * account they used, for the detectors that ask what the vaults know. A session is the identity's
 * when the vault names the account by its id and that account is the one behind the identity's
 * "Managed by" tag, else when the account's name ({@code DOMAIN\account} or the bare name) is one the
 * identity answers to among those the same vault manages. Its sign-ins are expected from the hosts the
 * connection names as its session proxies. A vault that cannot be read keeps its last reading, whose
 * coverage then stops advancing, so detectors wait rather than judge against a stale vault.
 */
@Component
class VaultActivitySync extends PeriodicWork {

    static final Duration EVERY = Duration.ofMinutes(5);
    /** Covers the longest sessions seen in practice and, with room, the journal replay after a settings change. */
    static final Duration LOOKBACK = Duration.ofHours(24);
    private static final Duration FIRST_AFTER = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(VaultActivitySync.class);

    private final VigilDatabase database;
    private final VaultConfigs configs;
    private final DirectoryInventory inventory;
    private final VaultActivityRecords records;

    VaultActivitySync(VigilDatabase database, VaultConfigs configs, DirectoryInventory inventory,
                      VaultActivityRecords records) {
        super("vigil-pam-sessions", FIRST_AFTER, EVERY);
        this.database = database;
        this.configs = configs;
        this.inventory = inventory;
        this.records = records;
    }

    @Override
    protected void round() {
        for (PamConnection c : database.pamConnections().all()) {
            try {
                sync(c);
            } catch (RuntimeException e) {
                log.warn("sessions of PAM connection {} could not be read: {}", c.name(), e.toString());
            }
        }
    }

    /**
     * Reads the connection's sessions now and replaces its reading; a disabled connection's reading is
     * dropped.
     *
     * @return whether the vault could be read
     */
    synchronized boolean sync(PamConnection c) {
        if (!c.enabled()) {
            records.forget(c.id());
            return true;
        }
        Instant readAt = Instant.now();
        Instant since = readAt.minus(LOOKBACK);
        List<PrivilegedSession> sessions;
        try (PamConnector vault = configs.of(c).open()) {
            sessions = vault.recentSessions(since);
        } catch (PamException e) {
            log.warn("sessions of PAM connection {} could not be read; keeping the last reading: {}", c.name(),
                    e.getMessage());
            return false;
        }
        Filing filing = new Filing(inventory.current(), c);
        Map<UUID, List<VaultActivity>> byIdentity = new HashMap<>();
        int unmatched = 0;
        for (PrivilegedSession s : sessions) {
            UUID identity = filing.identityOf(s);
            if (identity == null || s.start() == null) {
                unmatched++;
                continue;
            }
            byIdentity.computeIfAbsent(identity, k -> new ArrayList<>()).add(new VaultActivity(
                    VaultActivity.Kind.SESSION, vaultName(c), s.sessionId(), s.user(), Set.copyOf(c.sessionHosts()),
                    s.targetHost(), s.start(), s.end()));
        }
        records.publish(c.id(), new Reading(since, readAt, Map.copyOf(byIdentity)));
        log.debug("PAM connection {}: {} sessions since {}, {} of accounts no identity is known for",
                c.name(), sessions.size(), since, unmatched);
        return true;
    }

    /** {@code CyberArk (pvwa)}: the vendor and the connection's name, as alerts name the vault. */
    static String vaultName(PamConnection c) {
        return PamVendor.valueOf(c.vendor()).displayName() + " (" + c.name() + ")";
    }

    /** Which managed identity a session of one connection used. */
    private static final class Filing {

        private final InventoryIndex index;
        private final Map<String, UUID> byAccountId = new HashMap<>();
        private final Set<UUID> managed = new HashSet<>();

        Filing(InventoryIndex index, PamConnection c) {
            this.index = index;
            index.vaultAccounts().forEach((identity, refs) -> refs.stream()
                    .filter(r -> r.connectionId().equals(c.id()))
                    .forEach(r -> {
                        byAccountId.put(r.accountId(), identity);
                        managed.add(identity);
                    }));
        }

        UUID identityOf(PrivilegedSession s) {
            if (s.accountId() != null && byAccountId.containsKey(s.accountId())) {
                return byAccountId.get(s.accountId());
            }
            if (s.accountUserName() == null) {
                return null;
            }
            String name = s.accountDomain() == null ? s.accountUserName() : s.accountDomain() + "\\" + s.accountUserName();
            List<UUID> matching = managed.stream()
                    .filter(id -> index.byGuid(id).map(t -> IdentityNames.matches(t.identity(), name)).orElse(false))
                    .toList();
            return matching.size() == 1 ? matching.get(0) : null;
        }
    }
}
