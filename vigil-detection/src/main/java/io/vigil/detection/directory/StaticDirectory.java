package io.vigil.detection.directory;

import io.vigil.detection.spi.DirectoryView;
import io.vigil.model.identity.Account;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A directory view from configuration: honeytoken accounts and domain controller names given by the
 * operator. Until LDAP sync exists this is what the scanner and the server use.
 *
 * <p>Domain controllers: a machine account ({@code NAME$}) is a DC when configured as one, not one when
 * a DC list is configured and it is absent, and {@link Trust#UNKNOWN} when no list is configured.
 */
public final class StaticDirectory implements DirectoryView {

    private final Set<String> honeytokens;
    private final Set<String> domainControllers;

    public StaticDirectory(Collection<String> honeytokens, Collection<String> domainControllers) {
        this.honeytokens = normalise(honeytokens, false);
        this.domainControllers = normalise(domainControllers, true);
    }

    public static StaticDirectory empty() {
        return new StaticDirectory(Set.of(), Set.of());
    }

    private static Set<String> normalise(Collection<String> names, boolean machine) {
        return names.stream()
                .map(n -> n.strip().toLowerCase(Locale.ROOT))
                .map(n -> n.contains("\\") ? n.substring(n.indexOf('\\') + 1) : n)
                .map(n -> n.contains("@") ? n.substring(0, n.indexOf('@')) : n)
                .map(n -> machine && n.contains(".") ? n.substring(0, n.indexOf('.')) : n)
                .map(n -> machine && !n.endsWith("$") ? n + "$" : n)
                .filter(n -> !n.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean isHoneytoken(Account account) {
        return account != null && account.name() != null && honeytokens.contains(account.key());
    }

    @Override
    public Trust isDomainController(Account account) {
        if (account == null || account.name() == null) {
            return Trust.UNKNOWN;
        }
        if (domainControllers.contains(account.key())) {
            return Trust.YES;
        }
        if (!account.isMachine()) {
            return Trust.NO;
        }
        return domainControllers.isEmpty() ? Trust.UNKNOWN : Trust.NO;
    }

    @Override
    public boolean isSensitiveGroup(Account group) {
        return SensitiveGroups.isSensitive(group);
    }
}
