package io.vigil.integrations.pam.cyberark;

import io.vigil.integrations.pam.PamConfig;
import io.vigil.integrations.pam.PamConnector;
import io.vigil.integrations.pam.PamHttpSettings;
import io.vigil.integrations.pam.PamVendor;
import java.net.URI;
import java.util.Set;

/**
 * A CyberArk vault.
 *
 * @param pvwaUrl            the PasswordVault root, e.g. {@code https://pvwa.corp.local/PasswordVault/} or
 *                           {@code https://sub.privilegecloud.cyberark.cloud/PasswordVault/}
 * @param directoryPlatforms platform ids whose accounts are AD accounts (CyberArk stores no "is AD"
 *                           flag; accounts with a {@code LogonDomain} property count as AD too)
 * @param pageSize           accounts per page (PVWA allows up to 1000)
 */
public record CyberArkConfig(URI pvwaUrl, CyberArkAuth auth, Set<String> directoryPlatforms, int pageSize,
                             PamHttpSettings http) implements PamConfig {

    public static final Set<String> DEFAULT_DIRECTORY_PLATFORMS = Set.of("WinDomain");

    public CyberArkConfig {
        directoryPlatforms = Set.copyOf(directoryPlatforms);
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 1000");
        }
    }

    public CyberArkConfig(URI pvwaUrl, CyberArkAuth auth) {
        this(pvwaUrl, auth, DEFAULT_DIRECTORY_PLATFORMS, 500, PamHttpSettings.defaults());
    }

    public CyberArkConfig withPageSize(int value) {
        return new CyberArkConfig(pvwaUrl, auth, directoryPlatforms, value, http);
    }

    public CyberArkConfig withHttp(PamHttpSettings value) {
        return new CyberArkConfig(pvwaUrl, auth, directoryPlatforms, pageSize, value);
    }

    public CyberArkConfig withDirectoryPlatforms(Set<String> value) {
        return new CyberArkConfig(pvwaUrl, auth, value, pageSize, http);
    }

    @Override
    public PamVendor vendor() {
        return PamVendor.CYBERARK;
    }

    @Override
    public PamConnector open() {
        return new CyberArkConnector(this);
    }
}
