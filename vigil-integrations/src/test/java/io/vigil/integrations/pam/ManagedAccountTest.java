package io.vigil.integrations.pam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManagedAccountTest {

    private static ManagedAccount account(String domain, String upn, boolean directory) {
        return new ManagedAccount(PamVendor.CYBERARK, "12_3", "svc_sql", domain, upn, "lab.local", "Safe", "WinDomain",
                directory, true, null);
    }

    @Test
    void matchesByEitherSpellingOfTheDomainIgnoringCase() {
        assertThat(account("LAB", null, true).matches("lab", "lab.local", "SVC_SQL", null)).isTrue();
        assertThat(account("lab.local", null, true).matches("LAB", "LAB.LOCAL", "svc_sql", null)).isTrue();
        assertThat(account("LAB", null, true).matches("OTHER", "other.local", "svc_sql", null)).isFalse();
        assertThat(account("LAB", null, true).matches("LAB", "lab.local", "svc_web", null)).isFalse();
    }

    @Test
    void matchesByUpnStoredOrFormedFromADnsDomain() {
        assertThat(account(null, "svc_sql@corp.example", true).matches(null, null, null, "SVC_SQL@corp.example")).isTrue();
        assertThat(account("lab.local", null, true).matches(null, null, null, "svc_sql@lab.local")).isTrue();
        assertThat(account("LAB", null, true).matches(null, null, null, "svc_sql@lab.local")).isFalse();
    }

    @Test
    void aLocalAccountNeverMatchesADirectoryIdentityByName() {
        assertThat(account(null, null, false).matches("LAB", "lab.local", "svc_sql", "svc_sql@lab.local")).isFalse();
    }

    @Test
    void vendorLabelsFollowDefenderForIdentityWording() {
        assertThat(PamVendor.BEYONDTRUST.resetActionLabel()).isEqualTo("Reset password by BeyondTrust");
        assertThat(PamVendor.DELINEA.managedTag()).isEqualTo("Managed by Delinea");
        assertThat(account("LAB", null, true).domainQualifiedName()).isEqualTo("LAB\\svc_sql");
    }
}
