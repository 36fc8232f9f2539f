package io.vigil.integrations.pam.beyondtrust;

import io.vigil.integrations.pam.PamConfig;
import io.vigil.integrations.pam.PamConnector;
import io.vigil.integrations.pam.PamHttpSettings;
import io.vigil.integrations.pam.PamVendor;
import java.net.URI;

/**
 * A BeyondTrust Password Safe (on premises or Cloud).
 *
 * @param apiUrl the public API root, e.g. {@code https://bi.corp.local/BeyondTrust/api/public/v3/}
 *               or {@code https://tenant.ps.beyondtrustcloud.com/BeyondTrust/api/public/v3/}
 */
public record BeyondTrustConfig(URI apiUrl, BeyondTrustAuth auth, AccountListing listing, int pageSize,
                                PamHttpSettings http) implements PamConfig {

    public BeyondTrustConfig {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
    }

    public BeyondTrustConfig(URI apiUrl, BeyondTrustAuth auth) {
        this(apiUrl, auth, AccountListing.MANAGED_SYSTEMS, 500, PamHttpSettings.defaults());
    }

    public BeyondTrustConfig withListing(AccountListing value) {
        return new BeyondTrustConfig(apiUrl, auth, value, pageSize, http);
    }

    public BeyondTrustConfig withPageSize(int value) {
        return new BeyondTrustConfig(apiUrl, auth, listing, value, http);
    }

    public BeyondTrustConfig withHttp(PamHttpSettings value) {
        return new BeyondTrustConfig(apiUrl, auth, listing, pageSize, value);
    }

    @Override
    public PamVendor vendor() {
        return PamVendor.BEYONDTRUST;
    }

    @Override
    public PamConnector open() {
        return new BeyondTrustConnector(this);
    }
}
