package io.vigil.server.directory;

import io.vigil.integrations.pam.PamVendor;

/**
 * The vault account behind an identity's "Managed by <vendor>" tag: which connection holds it and the
 * vault's id for it (CyberArk account id, BeyondTrust managed account id, Delinea secret id), what a
 * password reset asks the vault to change.
 *
 * @param name the account as the vault names it, e.g. {@code LAB\svc_sql}
 */
public record VaultReference(String connectionId, PamVendor vendor, String accountId, String name) {
}
