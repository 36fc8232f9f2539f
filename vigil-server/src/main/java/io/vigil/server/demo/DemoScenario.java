package io.vigil.server.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A morning on CONTOSO's domain controller DC01: ordinary sign-ins, then an intruder on 10.0.5.66
 * who enumerates accounts, sprays a password, roasts service tickets (Kerberoasting and AS-REP),
 * replicates the directory (DCSync), adds itself to Domain Admins and trips a honeytoken.
 */
final class DemoScenario {

    static final String DC = "DC01.contoso.local";
    static final String DOMAIN_SID = "S-1-5-21-3623811015-3361044348-30300820";
    static final String ATTACKER_IP = "::ffff:10.0.5.66";
    static final String HONEYTOKEN = "sql_admin_old";

    private static final String[] STAFF = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
        "ivan", "judy"};
    private static final String[] GUESSES = {"admin", "administrator1", "backup", "test", "test1", "sql", "guest1",
        "scanner", "temp", "oracle", "ftp", "web", "support"};
    private static final String[] ROASTED = {"svc_sql", "svc_web", "svc_backup", "svc_crm"};

    private final List<DemoEvent> events = new ArrayList<>();
    private Instant clock = Instant.parse("2026-01-15T08:00:00Z");
    private long record = 104_000;

    static List<DemoEvent> build() {
        DemoScenario s = new DemoScenario();
        s.ordinaryMorning();
        s.accountEnumeration();
        s.passwordSpray();
        s.kerberoasting();
        s.asRepRoasting();
        s.dcSync();
        s.domainAdminsAddition();
        s.honeytokenSignIn();
        return s.events;
    }

    private void ordinaryMorning() {
        for (int i = 0; i < STAFF.length; i++) {
            String ip = "::ffff:10.0.1." + (20 + i);
            tgt(STAFF[i], ip, "0x0", "2", "0x12");
            serviceTicket(STAFF[i], "FS01$", ip, "0x12");
            logon(STAFF[i], ip.substring(7), "3", "Kerberos");
            tick(47);
        }
    }

    private void accountEnumeration() {
        for (String guess : GUESSES) {
            tgt(guess, ATTACKER_IP, "0x6", "-", "0xffffffff");
            tick(1);
        }
    }

    private void passwordSpray() {
        for (String user : STAFF) {
            add(DemoEvent.at(clock, 4771)
                    .with("TargetUserName", user).with("TargetSid", sid(user))
                    .with("ServiceName", "krbtgt/CONTOSO.LOCAL").with("TicketOptions", "0x40810010")
                    .with("Status", "0x18").with("PreAuthType", "2")
                    .with("IpAddress", ATTACKER_IP).with("IpPort", "5" + (1000 + events.size())));
            tick(2);
        }
        tgt("judy", ATTACKER_IP, "0x0", "2", "0x12");
    }

    private void kerberoasting() {
        tick(30);
        for (String service : ROASTED) {
            serviceTicket("judy", service, ATTACKER_IP, "0x17");
            tick(1);
        }
    }

    private void asRepRoasting() {
        tgt("legacy_app", ATTACKER_IP, "0x0", "0", "0x17");
        tick(5);
    }

    private void dcSync() {
        tick(60);
        for (String right : new String[] {"1131f6aa-9c07-11d1-f79f-00c04fc2dcd2", "1131f6ad-9c07-11d1-f79f-00c04fc2dcd2"}) {
            add(DemoEvent.at(clock, 4662)
                    .with("SubjectUserSid", sid("judy")).with("SubjectUserName", "judy")
                    .with("SubjectDomainName", "CONTOSO").with("SubjectLogonId", "0x3e7a1f2")
                    .with("ObjectServer", "DS").with("ObjectType", "%{19195a5b-6da0-11d0-afd3-00c04fd930c9}")
                    .with("ObjectName", "%{7a8c2b1e-3f4d-4c9a-9e2f-2b6a1c0d9e11}").with("OperationType", "Object Access")
                    .with("HandleId", "0x0").with("AccessList", "%%7688").with("AccessMask", "0x100")
                    .with("Properties", "%%7688 {" + right + "} {19195a5b-6da0-11d0-afd3-00c04fd930c9}")
                    .with("AdditionalInfo", "-"));
        }
    }

    private void domainAdminsAddition() {
        tick(90);
        add(DemoEvent.at(clock, 4728)
                .with("MemberName", "CN=Judy Hopps,OU=Staff,DC=contoso,DC=local").with("MemberSid", sid("judy"))
                .with("TargetUserName", "Domain Admins").with("TargetDomainName", "CONTOSO")
                .with("TargetSid", DOMAIN_SID + "-512").with("SubjectUserSid", sid("judy"))
                .with("SubjectUserName", "judy").with("SubjectDomainName", "CONTOSO")
                .with("SubjectLogonId", "0x3e7a1f2").with("PrivilegeList", "-"));
    }

    private void honeytokenSignIn() {
        tick(120);
        tgt(HONEYTOKEN, ATTACKER_IP, "0x18", "2", "0xffffffff");
    }

    private void tgt(String user, String ip, String status, String preAuth, String etype) {
        add(DemoEvent.at(clock, 4768)
                .with("TargetUserName", user).with("TargetDomainName", "CONTOSO").with("TargetSid", sid(user))
                .with("ServiceName", "krbtgt").with("ServiceSid", DOMAIN_SID + "-502")
                .with("TicketOptions", "0x40810010").with("Status", status).with("TicketEncryptionType", etype)
                .with("PreAuthType", preAuth).with("IpAddress", ip).with("IpPort", "49" + (100 + events.size()))
                .with("CertIssuerName", "").with("CertSerialNumber", "").with("CertThumbprint", ""));
    }

    private void serviceTicket(String user, String service, String ip, String etype) {
        add(DemoEvent.at(clock, 4769)
                .with("TargetUserName", user + "@CONTOSO.LOCAL").with("TargetDomainName", "CONTOSO.LOCAL")
                .with("ServiceName", service).with("ServiceSid", sid(service))
                .with("TicketOptions", "0x40810000").with("TicketEncryptionType", etype)
                .with("IpAddress", ip).with("IpPort", "50" + (100 + events.size())).with("Status", "0x0")
                .with("LogonGuid", "{00000000-0000-0000-0000-000000000000}").with("TransmittedServices", "-"));
    }

    private void logon(String user, String ip, String type, String pkg) {
        add(DemoEvent.at(clock, 4624)
                .with("SubjectUserSid", "S-1-0-0").with("SubjectUserName", "-").with("SubjectDomainName", "-")
                .with("SubjectLogonId", "0x0").with("TargetUserSid", sid(user)).with("TargetUserName", user)
                .with("TargetDomainName", "CONTOSO").with("TargetLogonId", "0x" + Long.toHexString(record))
                .with("LogonType", type).with("LogonProcessName", "Kerberos")
                .with("AuthenticationPackageName", pkg).with("WorkstationName", "-")
                .with("IpAddress", ip).with("IpPort", "0"));
    }

    private String sid(String name) {
        return DOMAIN_SID + "-" + (1100 + Math.floorMod(name.hashCode(), 800));
    }

    private void add(DemoEvent.Builder b) {
        events.add(b.record(record++));
        tick(0);
    }

    private void tick(int seconds) {
        clock = clock.plus(Duration.ofSeconds(seconds)).plusMillis(137);
    }
}
