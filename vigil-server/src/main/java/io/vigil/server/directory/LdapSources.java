package io.vigil.server.directory;

import io.vigil.integrations.ldap.LdapConnectionConfig;
import io.vigil.integrations.ldap.LdapDirectorySource;
import io.vigil.integrations.ldap.TlsTrust;
import io.vigil.integrations.ldap.TransportSecurity;
import io.vigil.store.directory.DirectorySourceSettings;
import io.vigil.store.directory.StoredDirectorySource;
import io.vigil.store.secrets.SecretStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns stored source settings into an LDAP source whose bind password is read from the secret
 * store at each sign-in, so the decrypted value lives only as long as a bind.
 */
@Component
class LdapSources {

    static final String NONE = "NONE";
    static final String CA_FILE = "CA_FILE";
    static final String PINNED = "PINNED";

    private final SecretStore secrets;

    LdapSources(SecretStore secrets) {
        this.secrets = secrets;
    }

    static String secretName(String domain) {
        return "directory/" + domain + "/bind";
    }

    boolean passwordSet(String domain) {
        return secrets.exists(secretName(domain));
    }

    /**
     * @throws IllegalArgumentException when the settings cannot make a connection configuration; the
     *                                  message says which setting
     */
    static LdapConnectionConfig.Builder configOf(DirectorySourceSettings s) {
        TransportSecurity security = TransportSecurity.valueOf(s.security());
        return LdapConnectionConfig.builder(s.domain(), s.baseDn())
                .hosts(s.hosts().toArray(String[]::new))
                .port(s.port())
                .security(security, trustOf(s))
                .timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60))
                .pageSize(s.pageSize());
    }

    private static TlsTrust trustOf(DirectorySourceSettings s) {
        return switch (s.trustKind()) {
            case CA_FILE -> TlsTrust.caCertificates(Path.of(s.trustValue()));
            case PINNED -> TlsTrust.pinned(Set.copyOf(Arrays.asList(s.trustValue().split(","))));
            default -> null;
        };
    }

    LdapDirectorySource open(StoredDirectorySource source) {
        String name = secretName(source.domain());
        return new LdapDirectorySource(configOf(source.settings()).bind(source.settings().bindDn(),
                () -> secrets.reveal(name)).build());
    }
}
