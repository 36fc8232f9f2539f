package io.vigil.detection.testing;

import io.vigil.detection.spi.DirectoryView;
import io.vigil.detection.directory.StaticDirectory;
import io.vigil.model.identity.Account;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A directory inventory of one domain as a test sets it up: which account names exist and when the
 * inventory was read; both can change mid-test, as a sync would change them. Domain controllers,
 * honeytokens and sensitive groups are answered as an empty {@link StaticDirectory} answers them.
 */
public final class TestInventory implements DirectoryView {

    private final String dnsDomain;
    private final Set<String> accounts = new HashSet<>();
    private final StaticDirectory rest = StaticDirectory.empty();
    private Instant readAt;

    public TestInventory(String dnsDomain, Instant readAt, String... accountNames) {
        this.dnsDomain = dnsDomain.toLowerCase(Locale.ROOT);
        this.readAt = readAt;
        for (String name : accountNames) {
            accounts.add(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A sync: the inventory is now as read at {@code time}, with {@code newAccounts} added. */
    public TestInventory syncedAt(Instant time, String... newAccounts) {
        readAt = time;
        for (String name : newAccounts) {
            accounts.add(name.toLowerCase(Locale.ROOT));
        }
        return this;
    }

    @Override
    public boolean knowsDomainOf(Account account) {
        if (account.domain() == null) {
            return true;
        }
        String domain = account.domain().toLowerCase(Locale.ROOT);
        return domain.equals(dnsDomain) || dnsDomain.startsWith(domain + ".");
    }

    @Override
    public Trust exists(Account account, Instant time) {
        if (!knowsDomainOf(account)) {
            return Trust.UNKNOWN;
        }
        if (accounts.contains(account.key())) {
            return Trust.YES;
        }
        return readAt.isBefore(time) ? Trust.UNKNOWN : Trust.NO;
    }

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
}
