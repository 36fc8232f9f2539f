package io.vigil.ingest.normalize;

import static io.vigil.ingest.normalize.EventFields.endpoint;
import static io.vigil.ingest.normalize.EventFields.number;

import io.vigil.model.event.WindowsEvent;
import io.vigil.model.identity.Account;
import io.vigil.model.identity.AuthProtocol;
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import io.vigil.model.identity.Outcome;
import java.util.Map;

/** 4776 NTLM credential validation and 8004 NTLM authentication audit. */
final class NtlmMappers {

    private NtlmMappers() {
    }

    static void register(Map<Integer, EventMapper> mappers) {
        mappers.put(4776, NtlmMappers::validation);
        mappers.put(8004, NtlmMappers::authentication);
    }

    private static IdentityEvent validation(WindowsEvent e) {
        Account account = Account.of(null, e.value("TargetUserName"), null);
        if (account == null) {
            return null;
        }
        long status = number(e, "Status");
        return IdentityEvent.builder(IdentityEventKind.NTLM_VALIDATION, e)
                .actor(account)
                .target(account)
                .status(status)
                .outcome(status == 0 ? Outcome.SUCCESS : status > 0 ? Outcome.FAILURE : Outcome.UNKNOWN)
                .protocol(AuthProtocol.NTLM)
                .source(endpoint(e.value("Workstation"), null, null))
                .build();
    }

    private static IdentityEvent authentication(WindowsEvent e) {
        Account account = Account.of(e.value("DomainName"), e.value("UserName"), null);
        if (account == null) {
            return null;
        }
        return IdentityEvent.builder(IdentityEventKind.NTLM_AUTHENTICATION, e)
                .actor(account)
                .target(account)
                .outcome(Outcome.UNKNOWN)
                .protocol(AuthProtocol.NTLM)
                .source(endpoint(e.value("WorkstationName"), null, null))
                .service(e.value("SChannelName"))
                .build();
    }
}
