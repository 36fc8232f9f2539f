package io.vigil.detection.testing;

import io.vigil.detection.directory.StaticDirectory;
import io.vigil.detection.spi.DirectoryView;
import io.vigil.detection.spi.VaultActivity;
import io.vigil.detection.spi.VaultActivityView;
import io.vigil.model.identity.Account;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A PAM vault as a test sets it up: which accounts it manages, the sessions and checkouts it recorded,
 * and up to when it has been read; all can change mid-test, as a session sync would change them.
 * {@link #directory()} answers which accounts it manages; everything else as an empty
 * {@link StaticDirectory}.
 */
public final class TestVault implements VaultActivityView {

    private final String vendor;
    private final Set<String> managed;
    private final Map<String, List<VaultActivity>> activity = new HashMap<>();
    private Instant readFrom = Instant.MIN;
    private Instant readUntil;

    public TestVault(String vendor, Instant readUntil, String... managedAccounts) {
        this.vendor = vendor;
        this.readUntil = readUntil;
        this.managed = Set.of(lowered(managedAccounts));
    }

    /** A session of {@code account} through {@code proxies} (names or addresses); {@code end} null while live. */
    public TestVault session(String account, String id, Instant start, Instant end, String... proxies) {
        return record(account, new VaultActivity(VaultActivity.Kind.SESSION, vendor, id, "vault-user",
                Set.of(proxies), "SRV01", start, end));
    }

    public TestVault checkout(String account, String id, Instant start, Instant end) {
        return record(account, new VaultActivity(VaultActivity.Kind.CHECKOUT, vendor, id, "vault-user", Set.of(), null,
                start, end));
    }

    /** A session sync: the vault has now been read up to {@code time}. */
    public TestVault readUntil(Instant time) {
        readUntil = time;
        return this;
    }

    /** Records older than {@code time} are not held (a sync looks back only so far). */
    public TestVault readFrom(Instant time) {
        readFrom = time;
        return this;
    }

    private TestVault record(String account, VaultActivity a) {
        activity.computeIfAbsent(account.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(a);
        return this;
    }

    @Override
    public List<VaultActivity> activityOf(Account account, Instant from, Instant to) {
        if (account == null || account.key() == null) {
            return List.of();
        }
        return activity.getOrDefault(account.key(), List.of()).stream()
                .filter(a -> a.overlaps(from, to) && !a.start().isAfter(readUntil)).toList();
    }

    @Override
    public boolean covers(Account account, Instant from, Instant to) {
        return account != null && managed.contains(account.key()) && !from.isBefore(readFrom) && !to.isAfter(readUntil);
    }

    public DirectoryView directory() {
        StaticDirectory rest = StaticDirectory.empty();
        return new DirectoryView() {
            @Override
            public boolean isHoneytoken(Account account) {
                return rest.isHoneytoken(account);
            }

            @Override
            public Trust isDomainController(Account account) {
                return rest.isDomainController(account);
            }

            @Override
            public boolean isSensitiveGroup(Account group) {
                return rest.isSensitiveGroup(group);
            }

            @Override
            public Set<String> vaultsManaging(Account account) {
                return account != null && managed.contains(account.key()) ? Set.of(vendor) : Set.of();
            }
        };
    }

    private static String[] lowered(String[] names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = names[i].toLowerCase(Locale.ROOT);
        }
        return out;
    }
}
