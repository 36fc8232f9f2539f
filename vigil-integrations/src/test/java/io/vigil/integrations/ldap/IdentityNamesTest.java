package io.vigil.integrations.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.DirectoryObjectKind;
import io.vigil.model.directory.UacFlag;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentityNamesTest {

    private static final UUID GUID = UUID.fromString("6f1c3c0e-6a43-4a8e-9d9e-0d7a1f1f2a01");
    private static final DirectoryIdentity SVC_SQL = new DirectoryIdentity(DirectoryObjectKind.USER, "lab.example",
            "CN=svc_sql,OU=Service Accounts,DC=lab,DC=example", "S-1-5-21-1-2-3-1105", GUID, "svc_sql",
            "sql.service@lab.example", "SQL service", EnumSet.of(UacFlag.NORMAL_ACCOUNT), List.of(), 0, null, null,
            null, List.of(), List.of(), Instant.EPOCH, 1);

    @Test
    void anIdentityAnswersToEveryKeyTheDirectoryGivesItWhateverTheCase() {
        for (String reference : List.of("LAB\\svc_sql", "lab.example\\SVC_SQL", "sql.service@LAB.example",
                "svc_sql", "cn=svc_sql,ou=service accounts,dc=lab,dc=example", "s-1-5-21-1-2-3-1105", GUID.toString(),
                "  LAB\\svc_sql ")) {
            assertThat(IdentityNames.matches(SVC_SQL, reference)).as(reference).isTrue();
        }
    }

    @Test
    void anotherDomainAnotherNameOrNothingIsNotTheIdentity() {
        for (String reference : List.of("CORP\\svc_sql", "svc_sql@lab.example", "svc_sql2", "lab\\svc")) {
            assertThat(IdentityNames.matches(SVC_SQL, reference)).as(reference).isFalse();
        }
        assertThat(IdentityNames.matches(SVC_SQL, null)).isFalse();
    }

    @Test
    void anAccountKnownOnlyToAVaultAnswersToItsDomainAndUserNameAndItsUpn() {
        assertThat(IdentityNames.of("lab.local", "SVC_SQL", null))
                .containsExactlyInAnyOrder("svc_sql", "lab.local\\svc_sql", "lab\\svc_sql");
        assertThat(IdentityNames.of("LAB", "svc_sql", "svc_sql@lab.local"))
                .containsExactlyInAnyOrder("svc_sql@lab.local", "svc_sql", "lab\\svc_sql");
        assertThat(IdentityNames.of(null, null, " ")).isEmpty();
    }
}
