package io.vigil.ingest.normalize;

import static io.vigil.ingest.normalize.EventFields.account;
import static io.vigil.ingest.normalize.EventFields.endpoint;
import static io.vigil.ingest.normalize.EventFields.nullSid;
import static io.vigil.ingest.normalize.EventFields.number;
import static io.vigil.ingest.normalize.EventFields.principal;
import static io.vigil.ingest.normalize.EventFields.smallNumber;

import io.vigil.model.event.WindowsEvent;
import io.vigil.model.identity.Account;
import io.vigil.model.identity.AuthProtocol;
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import io.vigil.model.identity.Outcome;
import java.util.Map;

/** 4768 TGT request, 4769 service ticket request, 4771 pre-authentication failure. */
final class KerberosMappers {

    private KerberosMappers() {
    }

    static void register(Map<Integer, EventMapper> mappers) {
        mappers.put(4768, KerberosMappers::ticketGranting);
        mappers.put(4769, KerberosMappers::serviceTicket);
        mappers.put(4771, KerberosMappers::preAuthFailed);
    }

    private static IdentityEvent ticketGranting(WindowsEvent e) {
        Account client = account(e, "Target");
        if (client == null) {
            return null;
        }
        long status = number(e, "Status");
        return kerberos(IdentityEventKind.KERBEROS_TGT_REQUEST, e, client, status)
                .target(client)
                .service(e.value("ServiceName"))
                .preAuthType(smallNumber(e, "PreAuthType"))
                .build();
    }

    private static IdentityEvent serviceTicket(WindowsEvent e) {
        Account requester = principal(e.value("TargetUserName"), e.value("TargetDomainName"));
        String service = e.value("ServiceName");
        if (requester == null && service == null) {
            return null;
        }
        long status = number(e, "Status");
        return kerberos(IdentityEventKind.KERBEROS_SERVICE_TICKET_REQUEST, e, requester, status)
                .target(Account.of(null, service, nullSid(e.value("ServiceSid"))))
                .service(service)
                .build();
    }

    private static IdentityEvent preAuthFailed(WindowsEvent e) {
        Account client = account(e, "Target");
        if (client == null) {
            return null;
        }
        return kerberos(IdentityEventKind.KERBEROS_PREAUTH_FAILED, e, client, number(e, "Status"))
                .target(client)
                .outcome(Outcome.FAILURE)
                .service(e.value("ServiceName"))
                .preAuthType(smallNumber(e, "PreAuthType"))
                .build();
    }

    private static IdentityEvent.Builder kerberos(IdentityEventKind kind, WindowsEvent e, Account actor, long status) {
        return IdentityEvent.builder(kind, e)
                .actor(actor)
                .outcome(status == 0 ? Outcome.SUCCESS : status > 0 ? Outcome.FAILURE : Outcome.UNKNOWN)
                .status(status)
                .encryptionType(smallNumber(e, "TicketEncryptionType"))
                .protocol(AuthProtocol.KERBEROS)
                .source(endpoint(null, e.value("IpAddress"), e.value("IpPort")));
    }
}
