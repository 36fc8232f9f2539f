package io.vigil.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.event.WindowsEvent;
import io.vigil.model.identity.AuthProtocol;
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import io.vigil.model.identity.Outcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityNormalizerTest {

    private final IdentityNormalizer normalizer = new IdentityNormalizer();

    private static WindowsEvent security(int id, String... fields) {
        return event("Security", id, fields);
    }

    private static WindowsEvent event(String channel, int id, String... fields) {
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            data.put(fields[i], fields[i + 1]);
        }
        return new WindowsEvent("Microsoft-Windows-Security-Auditing", channel, id, 0, "DC01.corp.local",
                Instant.parse("2026-01-01T10:00:00Z"), 7, data, null);
    }

    @Test
    void explicitCredentialsComeFromTheRecordingComputerAndGoToTheTargetServer() {
        IdentityEvent e = normalizer.normalize(security(4648,
                "SubjectUserSid", "S-1-5-21-9-8-7-1002", "SubjectUserName", "jwrig", "SubjectDomainName", "DESKTOP-JR78RLP",
                "TargetUserName", "Administrator", "TargetDomainName", "DOMAIN",
                "TargetServerName", "fileserver.corp.local", "TargetInfo", "fileserver.corp.local",
                "ProcessId", "0x4", "ProcessName", "", "IpAddress", "172.16.144.128", "IpPort", "445"));
        assertThat(e.kind()).isEqualTo(IdentityEventKind.EXPLICIT_CREDENTIAL_LOGON);
        assertThat(e.actor().name()).isEqualTo("jwrig");
        assertThat(e.target().name()).isEqualTo("Administrator");
        assertThat(e.source().host()).isEqualTo("DC01");
        assertThat(e.source().ip()).isNull();
        assertThat(e.destination()).isEqualTo("FILESERVER");
    }

    @Test
    void serviceTicketRequesterComesFromTheUpnAndEncryptionFromHex() {
        IdentityEvent e = normalizer.normalize(security(4769,
                "TargetUserName", "pgustavo@THESHIRE.LOCAL", "TargetDomainName", "THESHIRE.LOCAL",
                "ServiceName", "sysmonsvc", "ServiceSid", "S-1-5-21-1-2-3-1105",
                "TicketEncryptionType", "0x00000017", "IpAddress", "::ffff:172.18.39.5", "IpPort", "53409",
                "Status", "0x0"));
        assertThat(e.kind()).isEqualTo(IdentityEventKind.KERBEROS_SERVICE_TICKET_REQUEST);
        assertThat(e.actor().name()).isEqualTo("pgustavo");
        assertThat(e.actor().domain()).isEqualTo("THESHIRE.LOCAL");
        assertThat(e.target().name()).isEqualTo("sysmonsvc");
        assertThat(e.service()).isEqualTo("sysmonsvc");
        assertThat(e.encryptionType()).isEqualTo(0x17);
        assertThat(e.source().ip()).isEqualTo("172.18.39.5");
        assertThat(e.source().port()).isEqualTo(53409);
        assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(e.protocol()).isEqualTo(AuthProtocol.KERBEROS);
        assertThat(e.destination()).isEqualTo("DC01.corp.local");
    }

    @Test
    void failedLogonKeepsStatusSubStatusAndWorkstation() {
        IdentityEvent e = normalizer.normalize(security(4625,
                "TargetUserName", "lrodriguez", "TargetDomainName", "theshire.local", "TargetUserSid", "S-1-0-0",
                "Status", "0xC000006D", "SubStatus", "0xc000006a", "LogonType", "2",
                "WorkstationName", "\\\\workstation5.theshire.local", "IpAddress", "-", "IpPort", "-",
                "AuthenticationPackageName", "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0"));
        assertThat(e.kind()).isEqualTo(IdentityEventKind.LOGON_FAILED);
        assertThat(e.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(e.status()).isEqualTo(0xC000006DL);
        assertThat(e.subStatus()).isEqualTo(0xC000006AL);
        assertThat(e.logonType()).isEqualTo(2);
        assertThat(e.source().host()).isEqualTo("WORKSTATION5");
        assertThat(e.source().ip()).isNull();
        assertThat(e.actor().sid()).as("the null SID names nobody").isNull();
        assertThat(e.protocol()).isEqualTo(AuthProtocol.NTLM);
    }

    @Test
    void ntlmValidationKeysOnTheWorkstation() {
        IdentityEvent e = normalizer.normalize(security(4776,
                "PackageName", "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0", "TargetUserName", "sbeavers",
                "Workstation", "WORKSTATION5", "Status", "0xc000006a"));
        assertThat(e.kind()).isEqualTo(IdentityEventKind.NTLM_VALIDATION);
        assertThat(e.source().key()).isEqualTo("WORKSTATION5");
        assertThat(e.status()).isEqualTo(0xC000006AL);
        assertThat(e.outcome()).isEqualTo(Outcome.FAILURE);
    }

    @Test
    void replicationRightsMakeA4662AReplicationRequest() {
        IdentityEvent e = normalizer.normalize(security(4662,
                "SubjectUserName", "pgustavo", "SubjectDomainName", "THESHIRE",
                "SubjectUserSid", "S-1-5-21-4228717743-1032521047-1810997296-1104", "AccessMask", "0x100",
                "ObjectName", "%{d613d8a5-418b-4b7a-83b8-ae1511c502c4}",
                "Properties", "%%7688\r\n\t\t{1131F6AD-9c07-11d1-f79f-00c04fc2dcd2}\r\n\t{19195a5b-6da0-11d0-afd3-00c04fd930c9}\r\n"));
        assertThat(e.kind()).isEqualTo(IdentityEventKind.REPLICATION_REQUEST);
        assertThat(e.attribute()).isEqualTo("DS-Replication-Get-Changes-All");
        assertThat(e.actor().name()).isEqualTo("pgustavo");
    }

    @Test
    void a4662WithoutTheControlAccessBitIsOrdinaryObjectAccess() {
        IdentityEvent e = normalizer.normalize(security(4662, "SubjectUserName", "pgustavo", "AccessMask", "0x10",
                "Properties", "{1131f6aa-9c07-11d1-f79f-00c04fc2dcd2}"));
        assertThat(e.kind()).isEqualTo(IdentityEventKind.DIRECTORY_OBJECT_ACCESS);
    }

    @Test
    void groupAdditionNamesActorMemberAndGroup() {
        IdentityEvent e = normalizer.normalize(security(4728,
                "MemberName", "CN=Judy Hopps\\, Jr.,OU=Staff,DC=contoso,DC=local", "MemberSid", "S-1-5-21-9-9-9-1200",
                "TargetUserName", "Domain Admins", "TargetDomainName", "CONTOSO", "TargetSid", "S-1-5-21-9-9-9-512",
                "SubjectUserName", "admin", "SubjectDomainName", "CONTOSO", "SubjectUserSid", "S-1-5-21-9-9-9-500"));
        assertThat(e.kind()).isEqualTo(IdentityEventKind.GROUP_MEMBER_ADDED);
        assertThat(e.group().name()).isEqualTo("Domain Admins");
        assertThat(e.group().rid()).isEqualTo(512);
        assertThat(e.target().name()).isEqualTo("Judy Hopps, Jr.");
        assertThat(e.actor().name()).isEqualTo("admin");
    }

    @Test
    void tgtRequestCarriesPreAuthTypeAndDecimalOrHexNumbers() {
        IdentityEvent e = normalizer.normalize(security(4768, "TargetUserName", "legacy_app", "TargetSid",
                "S-1-5-21-1-2-3-1300", "Status", "0x0", "PreAuthType", "0", "TicketEncryptionType", "23",
                "IpAddress", "10.0.5.66"));
        assertThat(e.preAuthType()).isZero();
        assertThat(e.encryptionType()).isEqualTo(0x17);
        assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void eventsOnAnotherChannelAreNotMisreadAsSecurityEvents() {
        assertThat(normalizer.normalize(event("Microsoft-Windows-Sysmon/Operational", 4624,
                "TargetUserName", "x"))).isNull();
        assertThat(normalizer.normalize(event("security", 4624, "TargetUserName", "x")))
                .as("channel case does not matter").isNotNull();
        assertThat(normalizer.accepts("SECURITY", 4769)).isTrue();
        assertThat(normalizer.accepts("Security", 4104)).isFalse();
        assertThat(normalizer.accepts("System", 7045)).isTrue();
        assertThat(normalizer.accepts("Security", 7045)).isFalse();
    }

    @Test
    void garbageValuesNeverThrow() {
        IdentityEvent e = normalizer.normalize(security(4769, "TargetUserName", "@", "ServiceName", "x",
                "TicketEncryptionType", "0xZZ", "Status", "\u0000\u0001", "IpPort", "99999999999999999999"));
        assertThat(e.encryptionType()).isEqualTo(IdentityEvent.NONE);
        assertThat(e.status()).isEqualTo(IdentityEvent.NONE);
        assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(normalizer.normalize(security(4624))).as("a logon naming nobody is unusable").isNull();
    }
}
