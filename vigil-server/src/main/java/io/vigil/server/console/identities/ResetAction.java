package io.vigil.server.console.identities;

import io.vigil.server.api.ApiValues;
import io.vigil.server.directory.VaultReference;
import io.vigil.server.identities.IdentityView;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * "Reset password by <vendor>" as the identity page's ⋯ menu offers it: one per vault connection
 * whose account is this identity (the inventory's vault references, the match behind its "Managed by"
 * tags and what the reset request resolves to).
 *
 * @param vendor         the API name, e.g. {@code cyberark}
 * @param connectionId   the vault connection holding the account
 * @param idempotencyKey new for each rendering of the form, so a double click submits one request
 */
public record ResetAction(String vendor, String label, String connectionId, String idempotencyKey) {

    /** The actions for the identity's vault accounts, one per connection. */
    static List<ResetAction> of(List<VaultReference> vaultAccounts) {
        return vaultAccounts.stream().map(r -> List.of(r.vendor().name(), r.connectionId())).distinct()
                .map(key -> vaultAccounts.stream().filter(r -> r.vendor().name().equals(key.get(0))
                        && Objects.equals(r.connectionId(), key.get(1))).findFirst().orElseThrow())
                .map(r -> new ResetAction(ApiValues.name(r.vendor()), r.vendor().resetActionLabel(), r.connectionId(),
                        UUID.randomUUID().toString()))
                .toList();
    }

    /** The same action with a fresh idempotency key, for the next deliberate request. */
    ResetAction renewed() {
        return new ResetAction(vendor, label, connectionId, UUID.randomUUID().toString());
    }

    /**
     * How the reset request names a directory identity: {@code NETBIOS\sAMAccountName}, the NetBIOS name
     * taken as the DNS domain's first label (the request resolves it through the inventory).
     */
    static String target(IdentityView identity) {
        String domain = identity.domain() == null ? "" : identity.domain();
        int dot = domain.indexOf('.');
        String netbios = (dot < 0 ? domain : domain.substring(0, dot)).toUpperCase(Locale.ROOT);
        return netbios + "\\" + identity.samAccountName();
    }
}
