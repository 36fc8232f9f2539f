package io.vigil.integrations.pam.delinea;

import io.vigil.integrations.pam.PamConfig;
import io.vigil.integrations.pam.PamConnector;
import io.vigil.integrations.pam.PamHttpSettings;
import io.vigil.integrations.pam.PamVendor;
import java.util.Set;

/**
 * A Delinea Secret Server or Platform tenant.
 *
 * @param directoryTemplates secret template names whose secrets are AD accounts (secrets with a
 *                           {@code Domain} field count as AD accounts too)
 * @param pageSize           secrets per page ({@code take})
 * @param passwordLength     length of the random password Vigil sends with {@code change-password},
 *                           which Secret Server then pushes to the directory
 */
public record DelineaConfig(DelineaAuth auth, Set<String> directoryTemplates, int pageSize, int passwordLength,
                            PamHttpSettings http) implements PamConfig {

    public static final Set<String> DEFAULT_DIRECTORY_TEMPLATES = Set.of("Active Directory Account");

    public DelineaConfig {
        directoryTemplates = Set.copyOf(directoryTemplates);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        if (passwordLength < 16) {
            throw new IllegalArgumentException("passwordLength must be at least 16");
        }
    }

    public DelineaConfig(DelineaAuth auth) {
        this(auth, DEFAULT_DIRECTORY_TEMPLATES, 500, 32, PamHttpSettings.defaults());
    }

    public DelineaConfig withPageSize(int value) {
        return new DelineaConfig(auth, directoryTemplates, value, passwordLength, http);
    }

    public DelineaConfig withHttp(PamHttpSettings value) {
        return new DelineaConfig(auth, directoryTemplates, pageSize, passwordLength, value);
    }

    @Override
    public PamVendor vendor() {
        return PamVendor.DELINEA;
    }

    @Override
    public PamConnector open() {
        return new DelineaConnector(this);
    }
}
