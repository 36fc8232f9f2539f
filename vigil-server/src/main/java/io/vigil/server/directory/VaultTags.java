package io.vigil.server.directory;

import io.vigil.integrations.pam.PamVendor;
import io.vigil.model.directory.IdentityTag;
import java.util.Optional;

/** The "Managed by <vendor>" tag of each vault vendor, and back. */
final class VaultTags {

    private static final String PREFIX = "MANAGED_BY_";

    private VaultTags() {
    }

    static IdentityTag of(PamVendor vendor) {
        return IdentityTag.valueOf(PREFIX + vendor.name());
    }

    static Optional<PamVendor> vendorOf(IdentityTag tag) {
        return tag.name().startsWith(PREFIX)
                ? Optional.of(PamVendor.valueOf(tag.name().substring(PREFIX.length())))
                : Optional.empty();
    }
}
