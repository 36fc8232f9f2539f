package io.vigil.server.directory;

import io.vigil.detection.spi.DirectoryView;
import io.vigil.model.identity.Account;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The directory as detectors and the API see it: the tagged inventory of every synced domain, as one
 * immutable {@link InventoryIndex} replaced whole after each sync and each change of marks, so a
 * reader on any thread always sees one consistent state. Empty until the first sync: every question
 * is then answered as a server without directory sync answers it.
 */
@Component
public class DirectoryInventory implements DirectoryView {

    private volatile InventoryIndex index = InventoryIndex.EMPTY;

    public InventoryIndex current() {
        return index;
    }

    void publish(InventoryIndex next) {
        index = next;
    }

    @Override
    public boolean isHoneytoken(Account account) {
        return index.isHoneytoken(account);
    }

    @Override
    public Trust isDomainController(Account account) {
        return index.isDomainController(account);
    }

    @Override
    public boolean isSensitiveGroup(Account group) {
        return index.isSensitiveGroup(group);
    }

    @Override
    public boolean knowsDomainOf(Account account) {
        return !index.domainsOf(account).isEmpty();
    }

    @Override
    public Trust exists(Account account, Instant time) {
        return index.exists(account, time);
    }

    @Override
    public Set<String> vaultsManaging(Account account) {
        return index.vaultsManaging(account);
    }
}
