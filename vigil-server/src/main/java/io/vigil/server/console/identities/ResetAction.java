package io.vigil.server.console.identities;

import io.vigil.integrations.pam.PamVendor;
import io.vigil.server.api.ApiValues;
import io.vigil.server.identities.IdentityView;
import io.vigil.store.pam.PamConnection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * "Reset password by <vendor>" as the identity page's ⋯ menu offers it: one per vault that manages
 * the identity (its {@code managed_by_…} tags).
 *
 * @param vendor         the API name, e.g. {@code cyberark}
 * @param connectionId   the vendor's one enabled connection, or null to let the request find the vault
 * @param idempotencyKey new for each rendering of the form, so a double click submits one request
 */
public record ResetAction(String vendor, String label, String connectionId, String idempotencyKey) {

    private static final String TAG_PREFIX = "managed_by_";

    /** The actions for the identity, given every stored vault connection. */
    static List<ResetAction> of(IdentityView identity, List<PamConnection> connections) {
        return identity.tags().stream().filter(t -> t.startsWith(TAG_PREFIX))
                .map(t -> PamVendor.valueOf(t.substring(TAG_PREFIX.length()).toUpperCase(Locale.ROOT)))
                .map(v -> new ResetAction(ApiValues.name(v), v.resetActionLabel(), onlyConnection(v, connections),
                        UUID.randomUUID().toString()))
                .toList();
    }

    private static String onlyConnection(PamVendor vendor, List<PamConnection> connections) {
        List<String> ids = connections.stream().filter(c -> c.enabled() && vendor.name().equals(c.vendor()))
                .map(PamConnection::id).toList();
        return ids.size() == 1 ? ids.get(0) : null;
    }

    /**
     * How the vaults name a directory identity: {@code NETBIOS\sAMAccountName}, the NetBIOS name taken as
     * the DNS domain's first label (AD's usual naming, and what the reset request matches vault accounts by).
     */
    static String target(IdentityView identity) {
        String domain = identity.domain() == null ? "" : identity.domain();
        int dot = domain.indexOf('.');
        String netbios = (dot < 0 ? domain : domain.substring(0, dot)).toUpperCase(Locale.ROOT);
        return netbios + "\\" + identity.samAccountName();
    }
}
