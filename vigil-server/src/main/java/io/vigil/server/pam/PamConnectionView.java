package io.vigil.server.pam;

import io.vigil.integrations.pam.PamVendor;
import io.vigil.server.api.ApiValues;
import io.vigil.store.pam.PamConnection;
import java.time.Instant;
import java.util.List;

/**
 * A vault connection as the API shows it: never a credential, only whether one is set.
 *
 * @param resetAction the response action this vault offers, e.g. "Reset password by CyberArk"
 * @param managedTag  the tag its accounts carry, e.g. "Managed by CyberArk"
 */
public record PamConnectionView(String id, String name, String vendor, String auth, String url, String identityUrl,
                         String user, String domain, List<String> sessionHosts, boolean enabled, boolean secretSet,
                         String status,
                         String statusMessage, Instant checkedAt, Instant syncedAt, int accounts, String resetAction,
                         String managedTag) {

    static PamConnectionView of(PamConnection c, boolean secretSet) {
        PamVendor vendor = PamVendor.valueOf(c.vendor());
        return new PamConnectionView(c.id(), c.name(), ApiValues.name(vendor), ApiValues.name(VaultSignIn.valueOf(c.authMode())),
                c.url(), c.identityUrl(), c.userName(), c.loginDomain(), c.sessionHosts(), c.enabled(), secretSet,
                c.status().toLowerCase(java.util.Locale.ROOT), c.statusMessage(), c.checkedAt(), c.syncedAt(),
                c.accounts(), vendor.resetActionLabel(), vendor.managedTag());
    }
}
