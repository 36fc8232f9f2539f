package io.vigil.integrations.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.integrations.ldap.testing.AdBehaviour;
import io.vigil.integrations.ldap.testing.AdLikeDirectory;
import io.vigil.model.directory.SyncErrorKind;
import org.junit.jupiter.api.Test;

/** The connection test an administrator runs before the first sync. */
class ConnectionCheckTest {

    @Test
    void aReadableDirectoryPassesNamingTheDomainControllerAndItsUsn() throws Exception {
        try (AdLikeDirectory directory = AdLikeDirectory.start()) {
            ConnectionCheck check = new LdapDirectorySource(directory.config().build()).check();

            assertThat(check.ok()).as(check.error()).isTrue();
            assertThat(check.server()).isEqualTo(AdBehaviour.DC1);
            assertThat(check.highestUsn()).isEqualTo(directory.behaviour().highestUsn());
            assertThat(check.errorKind()).isNull();
        }
    }

    @Test
    void aWrongPasswordFailsAsBadCredentialsWithoutThePassword() throws Exception {
        try (AdLikeDirectory directory = AdLikeDirectory.start()) {
            ConnectionCheck check = new LdapDirectorySource(directory.config()
                    .bind(AdLikeDirectory.SYNC_DN, "Wrong-Passw0rd"::toCharArray).build()).check();

            assertThat(check.ok()).isFalse();
            assertThat(check.errorKind()).isEqualTo(SyncErrorKind.BAD_CREDENTIALS);
            assertThat(check.error()).contains("127.0.0.1:" + directory.port()).doesNotContain("Wrong-Passw0rd");
            assertThat(check.highestUsn()).isEqualTo(-1);
        }
    }

    @Test
    void aBaseDnTheServerDoesNotHoldFailsNamingIt() throws Exception {
        try (AdLikeDirectory directory = AdLikeDirectory.start()) {
            LdapConnectionConfig config = LdapConnectionConfig.builder("lab.example", "OU=Nowhere," + AdLikeDirectory.BASE)
                    .hosts("127.0.0.1").port(directory.port()).security(TransportSecurity.PLAIN, null)
                    .bind(AdLikeDirectory.SYNC_DN, AdLikeDirectory.SYNC_PASSWORD::toCharArray).build();

            ConnectionCheck check = new LdapDirectorySource(config).check();

            assertThat(check.ok()).isFalse();
            assertThat(check.errorKind()).isEqualTo(SyncErrorKind.LDAP_ERROR);
            assertThat(check.error()).contains("OU=Nowhere," + AdLikeDirectory.BASE);
        }
    }
}
