package io.vigil.detection.testing;

import io.vigil.model.event.Channels;
import io.vigil.model.event.EventOrigin;
import io.vigil.model.event.WindowsEvent;
import io.vigil.model.identity.Account;
import io.vigil.model.identity.AuthProtocol;
import io.vigil.model.identity.Endpoint;
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import io.vigil.model.identity.Outcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * IdentityEvents as the normaliser builds them, one factory method per event, each with a plausible
 * raw WindowsEvent behind it (so evidence carries event ids, computers and record ids). Names and
 * addresses follow the OTRF "theshire.local" lab the real corpus comes from.
 */
public final class TestEvents {

    public static final Instant T0 = Instant.parse("2020-10-22T04:29:53Z");
    public static final String DOMAIN = "THESHIRE";
    public static final String DC = "MORDORDC.theshire.local";
    public static final String DOMAIN_SID = "S-1-5-21-1830255721-3727074217-2423397540";

    public static final int AES256 = 0x12;
    public static final int RC4 = 0x17;
    public static final int PRE_AUTH_NONE = 0;
    public static final int PRE_AUTH_ENC_TIMESTAMP = 2;

    public static final long KDC_OK = 0x0;
    public static final long KDC_PRINCIPAL_UNKNOWN = 0x6;
    public static final long KDC_PREAUTH_FAILED = 0x18;
    public static final long NT_OK = 0x0;
    public static final long NT_LOGON_FAILURE = 0xc000006dL;
    public static final long NT_BAD_PASSWORD = 0xc000006aL;
    public static final long NT_NO_SUCH_USER = 0xc0000064L;
    public static final long NT_LOCKED_OUT = 0xc0000234L;

    private static final String SECURITY_AUDITING = "Microsoft-Windows-Security-Auditing";
    private static final AtomicLong RECORD_IDS = new AtomicLong(100_000);

    private TestEvents() {
    }

    /** {@link #T0} plus some seconds. */
    public static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** A domain account with a stable made-up SID. */
    public static Account account(String name) {
        return new Account(DOMAIN, name, DOMAIN_SID + "-" + (1100 + Math.floorMod(name.toLowerCase(Locale.ROOT).hashCode(), 8000)));
    }

    /** A domain group by RID, e.g. 512 for Domain Admins. */
    public static Account domainGroup(String name, long rid) {
        return new Account(DOMAIN, name, DOMAIN_SID + "-" + rid);
    }

    /** 4769: a service ticket for {@code service} requested by {@code requester} from {@code ip}. */
    public static IdentityEvent serviceTicket(Instant t, String requester, String service, String ip,
                                              int encryptionType, long status) {
        WindowsEvent raw = raw(4769, DC, t, "TargetUserName", requester + "@THESHIRE.LOCAL",
                "TargetDomainName", "THESHIRE.LOCAL", "ServiceName", service, "IpAddress", "::ffff:" + ip,
                "Status", hex(status), "TicketEncryptionType", hex(encryptionType));
        Account serviceAccount = account(service);
        return IdentityEvent.builder(IdentityEventKind.KERBEROS_SERVICE_TICKET_REQUEST, raw)
                .actor(new Account("THESHIRE.LOCAL", requester, null))
                .target(new Account(null, service, serviceAccount.sid()))
                .service(service).source(new Endpoint(null, ip, 0)).status(status).encryptionType(encryptionType)
                .protocol(AuthProtocol.KERBEROS).outcome(outcome(status)).build();
    }

    /** A successful 4769. */
    public static IdentityEvent serviceTicket(Instant t, String requester, String service, String ip, int encryptionType) {
        return serviceTicket(t, requester, service, ip, encryptionType, KDC_OK);
    }

    /** 4768: a TGT request for {@code account} from {@code ip}. */
    public static IdentityEvent tgt(Instant t, String account, String ip, long status, int encryptionType, int preAuthType) {
        WindowsEvent raw = raw(4768, DC, t, "TargetUserName", account, "TargetDomainName", DOMAIN,
                "ServiceName", "krbtgt", "IpAddress", "::ffff:" + ip, "Status", hex(status),
                "TicketEncryptionType", status == 0 ? hex(encryptionType) : "0xffffffff",
                "PreAuthType", status == 0 ? Integer.toString(preAuthType) : "-");
        Account a = account(account);
        return IdentityEvent.builder(IdentityEventKind.KERBEROS_TGT_REQUEST, raw)
                .actor(a).target(a).source(new Endpoint(null, ip, 0)).status(status)
                .encryptionType(status == 0 ? encryptionType : IdentityEvent.NONE)
                .preAuthType(status == 0 ? preAuthType : IdentityEvent.NONE)
                .service("krbtgt").protocol(AuthProtocol.KERBEROS).outcome(outcome(status)).build();
    }

    /** 4771: Kerberos pre-authentication failed for {@code account} from {@code ip}. */
    public static IdentityEvent preAuthFailed(Instant t, String account, String ip, long status) {
        WindowsEvent raw = raw(4771, DC, t, "TargetUserName", account, "ServiceName", "krbtgt/THESHIRE.LOCAL",
                "IpAddress", "::ffff:" + ip, "Status", hex(status), "PreAuthType", "2");
        Account a = account(account);
        return IdentityEvent.builder(IdentityEventKind.KERBEROS_PREAUTH_FAILED, raw)
                .actor(a).target(a).source(new Endpoint(null, ip, 0)).status(status)
                .protocol(AuthProtocol.KERBEROS).outcome(Outcome.FAILURE).build();
    }

    /** 4776 on the DC: NTLM credential validation of {@code account} for {@code workstation}. */
    public static IdentityEvent ntlmValidation(Instant t, String account, String workstation, long status) {
        WindowsEvent raw = raw(4776, DC, t, "PackageName", "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0",
                "TargetUserName", account, "Workstation", workstation, "Status", hex(status));
        Account a = new Account(null, account, null);
        return IdentityEvent.builder(IdentityEventKind.NTLM_VALIDATION, raw)
                .actor(a).target(a).source(new Endpoint(workstation.toUpperCase(Locale.ROOT), null, 0))
                .status(status).protocol(AuthProtocol.NTLM).outcome(outcome(status)).build();
    }

    /** 4625 recorded on {@code workstation} itself (a local network logon attempt, no IP). */
    public static IdentityEvent logonFailed(Instant t, String account, String workstation, long status, long subStatus) {
        String computer = workstation + ".theshire.local";
        WindowsEvent raw = raw(4625, computer, t, "TargetUserName", account, "TargetDomainName", DOMAIN,
                "Status", hex(status), "SubStatus", hex(subStatus), "LogonType", "3",
                "AuthenticationPackageName", "NTLM", "WorkstationName", workstation, "IpAddress", "-");
        Account a = new Account(DOMAIN, account, null);
        return IdentityEvent.builder(IdentityEventKind.LOGON_FAILED, raw)
                .actor(a).target(a).source(new Endpoint(workstation.toUpperCase(Locale.ROOT), null, 0))
                .status(status).subStatus(subStatus).logonType(3).protocol(AuthProtocol.NTLM)
                .outcome(Outcome.FAILURE).build();
    }

    /** 4624 on the DC: a successful network logon of {@code account} from {@code workstation}. */
    public static IdentityEvent logon(Instant t, String account, String workstation, String ip) {
        return logon(t, account, workstation, ip, DC, 3);
    }

    /** 4624 on {@code computer}: a successful logon of type {@code logonType} (10 remote interactive, 5 service…). */
    public static IdentityEvent logon(Instant t, String account, String workstation, String ip, String computer,
                                      int logonType) {
        WindowsEvent raw = raw(4624, computer, t, "TargetUserName", account, "TargetDomainName", DOMAIN,
                "LogonType", Integer.toString(logonType), "AuthenticationPackageName", "NTLM",
                "WorkstationName", workstation == null ? "-" : workstation, "IpAddress", ip == null ? "-" : ip);
        Account a = account(account);
        return IdentityEvent.builder(IdentityEventKind.LOGON, raw)
                .actor(a).target(a).source(new Endpoint(workstation == null ? null : workstation.toUpperCase(Locale.ROOT), ip, 0))
                .logonType(logonType).protocol(AuthProtocol.NTLM).outcome(Outcome.SUCCESS).build();
    }

    /** 4648 on {@code computer}: {@code subject} used the credentials of {@code used} against {@code server}. */
    public static IdentityEvent explicitCredentials(Instant t, Account subject, String used, String computer, String server) {
        WindowsEvent raw = raw(4648, computer + ".theshire.local", t, "SubjectUserSid", subject.sid(),
                "SubjectUserName", subject.name(), "SubjectDomainName", subject.domain(), "TargetUserName", used,
                "TargetDomainName", DOMAIN, "TargetServerName", server, "TargetInfo", server,
                "ProcessId", "0x4", "IpAddress", "172.18.39.9", "IpPort", "445");
        return IdentityEvent.builder(IdentityEventKind.EXPLICIT_CREDENTIAL_LOGON, raw)
                .actor(subject).target(new Account(DOMAIN, used, null))
                .source(new Endpoint(computer.toUpperCase(Locale.ROOT), null, 0))
                .destination(server.toUpperCase(Locale.ROOT)).service(server).outcome(Outcome.SUCCESS).build();
    }

    /** 4662 with DS-Replication-Get-Changes rights, by {@code actor}, recorded on {@code dc}. */
    public static IdentityEvent replication(Instant t, Account actor, String dc, String rights) {
        WindowsEvent raw = raw(4662, dc, t, "SubjectUserName", actor.name(), "SubjectDomainName", actor.domain(),
                "SubjectUserSid", actor.sid(), "ObjectServer", "DS", "AccessMask", "0x100",
                "Properties", "%%7688 {1131f6ad-9c07-11d1-f79f-00c04fc2dcd2} {19195a5b-6da0-11d0-afd3-00c04fd930c9}",
                "ObjectName", "%{5b6a8b3c-1d2e-4f5a-9b8c-7d6e5f4a3b2c}");
        return IdentityEvent.builder(IdentityEventKind.REPLICATION_REQUEST, raw)
                .actor(actor).object("%{5b6a8b3c-1d2e-4f5a-9b8c-7d6e5f4a3b2c}").attribute(rights)
                .outcome(Outcome.SUCCESS).build();
    }

    /** 4728 / 4732 / 4756: {@code actor} added {@code member} to {@code group}. */
    public static IdentityEvent memberAdded(Instant t, String actor, String member, Account group) {
        Account m = account(member);
        Account a = account(actor);
        WindowsEvent raw = raw(group.sid().startsWith("S-1-5-32-") ? 4732 : 4728, DC, t,
                "MemberName", "CN=" + member + ",CN=Users,DC=theshire,DC=local", "MemberSid", m.sid(),
                "TargetUserName", group.name(), "TargetDomainName", group.domain(), "TargetSid", group.sid(),
                "SubjectUserName", actor, "SubjectDomainName", DOMAIN, "SubjectUserSid", a.sid());
        return IdentityEvent.builder(IdentityEventKind.GROUP_MEMBER_ADDED, raw)
                .actor(a).target(new Account(null, member, m.sid())).group(group).outcome(Outcome.SUCCESS).build();
    }

    /** 4729 / 4733 / 4757: {@code actor} removed {@code member} from {@code group}. */
    public static IdentityEvent memberRemoved(Instant t, String actor, String member, Account group) {
        IdentityEvent added = memberAdded(t, actor, member, group);
        return IdentityEvent.builder(IdentityEventKind.GROUP_MEMBER_REMOVED, added.raw())
                .actor(added.actor()).target(added.target()).group(group).outcome(Outcome.SUCCESS).build();
    }

    private static Outcome outcome(long status) {
        return status == 0 ? Outcome.SUCCESS : Outcome.FAILURE;
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    private static WindowsEvent raw(int eventId, String computer, Instant t, String... nameValues) {
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            data.put(nameValues[i], nameValues[i + 1]);
        }
        long recordId = RECORD_IDS.incrementAndGet();
        return new WindowsEvent(SECURITY_AUDITING, Channels.SECURITY, eventId, 0, computer, t, recordId, data,
                new EventOrigin("test-events", recordId));
    }
}
