package io.vigil.server.directory;

import io.vigil.integrations.pam.PamVendor;

/**
 * The vault account behind an identity's "Managed by <vendor>" tag: which connection holds it and the
 * vault's id for it (CyberArk account id, BeyondTrust managed account id, Delinea secret id), what a
 * password reset asks the vault to change.
 */
public record VaultReference(String connectionId, PamVendor vendor, String accountId) {
}
