package io.vigil.model.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultSensitiveGroupsTest {

    private final DefaultSensitiveGroups defender = DefaultSensitiveGroups.defender();

    @Test
    void groupsAreRecognisedByWellKnownSidWhateverTheirName() {
        assertThat(defender.isSensitive("S-1-5-21-1-2-3-512", "Domänen-Admins")).isTrue();
        assertThat(defender.isSensitive("s-1-5-32-544", "Administratoren")).isTrue();
        assertThat(defender.isSensitive("S-1-5-21-1-2-3-513", "Domain Users")).isFalse();
        assertThat(defender.isSensitive("S-1-5-32-512", null)).as("a domain RID under the builtin authority").isFalse();
    }

    @Test
    void defaultEnglishNamesAreForEventsWithoutSids() {
        assertThat(defender.hasDefaultName("DOMAIN ADMINS")).isTrue();
        assertThat(defender.hasDefaultName("Replicators")).isTrue();
        assertThat(defender.hasDefaultName("DnsAdmins")).isFalse();
        assertThat(DefaultSensitiveGroups.withTierZeroExtras().hasDefaultName("DnsAdmins")).isTrue();
        assertThat(defender.hasDefaultName(null)).isFalse();
        assertThat(defender.isSensitive("S-1-5-21-1-2-3-1200", "Domain Admins"))
                .as("a directory group is matched by SID, not by a name anyone could give a group").isFalse();
    }
}
