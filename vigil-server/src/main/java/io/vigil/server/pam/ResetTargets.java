package io.vigil.server.pam;

import io.vigil.integrations.ldap.IdentityNames;
import io.vigil.integrations.pam.PamVendor;
import io.vigil.model.directory.TaggedIdentity;
import io.vigil.server.api.ResourceNotFoundException;
import io.vigil.server.directory.DirectoryInventory;
import io.vigil.server.directory.InventoryIndex;
import io.vigil.server.directory.VaultReference;
import io.vigil.store.AlreadyExistsException;
import io.vigil.store.VigilDatabase;
import io.vigil.store.pam.PamAccount;
import io.vigil.store.pam.PamConnection;
import io.vigil.store.pam.PamConnectionRepository;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Finds the vault account a password reset goes to. The target is resolved to a directory identity
 * through the inventory (by any key it answers to: {@code DOMAIN\sAMAccountName}, UPN, DN, SID), then
 * to the vault account behind its "Managed by" tag — the match the tagging made. Only where the
 * directory inventory has no such domain do the vaults' own records stand in for the identity, matched
 * by the same rule ({@link IdentityNames}).
 */
@Component
class ResetTargets {

    /** The vault account to reset, and the identity it is, when the directory inventory holds it. */
    record ResetTarget(String identityId, String connectionId, PamVendor vendor, String accountId) {
    }

    private final DirectoryInventory inventory;
    private final PamConnectionRepository connections;

    ResetTargets(DirectoryInventory inventory, VigilDatabase database) {
        this.inventory = inventory;
        this.connections = database.pamConnections();
    }

    /**
     * @param connectionId the vault to use, or null for whichever single vault manages the identity
     * @throws ResourceNotFoundException when no identity or no enabled vault account is found
     * @throws AlreadyExistsException    when the target names several identities or several vault accounts
     */
    ResetTarget resolve(String target, String connectionId) {
        InventoryIndex index = inventory.current();
        List<TaggedIdentity> identities = index.byReference(target);
        if (identities.size() > 1) {
            throw new AlreadyExistsException(target + " names " + identities.size() + " identities in the directory;"
                    + " name it with its domain (DOMAIN\\account) or its UPN", null);
        }
        if (identities.size() == 1) {
            return forIdentity(identities.get(0).identity().objectGuid(), target, connectionId);
        }
        String domain = domainOf(target);
        if (domain != null && index.knowsDomain(domain)) {
            throw new ResourceNotFoundException("identity in the directory inventory", target);
        }
        return fromVaultRecords(target, connectionId);
    }

    /** The vault account behind the identity's "Managed by" tag. */
    ResetTarget forIdentity(UUID identity, String target, String connectionId) {
        List<VaultReference> refs = inventory.current().vaultAccountsOf(identity).stream()
                .filter(r -> connectionId == null || connectionId.equals(r.connectionId()))
                .toList();
        VaultReference ref = one(refs, target);
        return new ResetTarget(identity.toString(), ref.connectionId(), ref.vendor(), ref.accountId());
    }

    private ResetTarget fromVaultRecords(String target, String connectionId) {
        String name = IdentityNames.fold(target);
        String sam = name.substring(name.lastIndexOf('\\') + 1);
        String userName = sam.contains("@") ? sam.substring(0, sam.indexOf('@')) : sam;
        Map<String, PamConnection> enabled = connections.all().stream().filter(PamConnection::enabled)
                .collect(Collectors.toMap(PamConnection::id, Function.identity()));
        List<PamAccount> accounts = connections.accountsNamed(userName).stream()
                .filter(a -> connectionId == null || connectionId.equals(a.connectionId()))
                .filter(a -> a.directoryAccount() && enabled.containsKey(a.connectionId()))
                .filter(a -> IdentityNames.of(a.domain(), a.userName(), a.upn()).contains(name))
                .toList();
        PamAccount account = one(accounts, target);
        return new ResetTarget(null, account.connectionId(),
                PamVendor.valueOf(enabled.get(account.connectionId()).vendor()), account.accountId());
    }

    private static <T> T one(List<T> candidates, String target) {
        if (candidates.isEmpty()) {
            throw new ResourceNotFoundException("account managed by a connected vault", target);
        }
        if (candidates.size() > 1) {
            throw new AlreadyExistsException(target + " is managed by " + candidates.size()
                    + " vault accounts; name the connection (connectionId) to use", null);
        }
        return candidates.get(0);
    }

    /** {@code LAB} of {@code LAB\svc_sql}, {@code lab.local} of {@code svc_sql@lab.local}, else null. */
    private static String domainOf(String target) {
        int slash = target.indexOf('\\');
        if (slash > 0) {
            return target.substring(0, slash).strip();
        }
        int at = target.lastIndexOf('@');
        return at > 0 && at < target.length() - 1 ? target.substring(at + 1).strip() : null;
    }
}
