package io.vigil.ingest.normalize;

import static io.vigil.ingest.normalize.EventFields.account;
import static io.vigil.ingest.normalize.EventFields.endpoint;
import static io.vigil.ingest.normalize.EventFields.hostName;
import static io.vigil.ingest.normalize.EventFields.number;
import static io.vigil.ingest.normalize.EventFields.smallNumber;

import io.vigil.model.event.WindowsEvent;
import io.vigil.model.identity.AuthProtocol;
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import io.vigil.model.identity.Outcome;
import java.util.Map;

/** 4624 logon, 4625 failed logon, 4648 explicit credentials, 4672 special privileges. */
final class LogonMappers {

    private LogonMappers() {
    }

    static void register(Map<Integer, EventMapper> mappers) {
        mappers.put(4624, e -> logon(e, IdentityEventKind.LOGON, Outcome.SUCCESS));
        mappers.put(4625, e -> logon(e, IdentityEventKind.LOGON_FAILED, Outcome.FAILURE));
        mappers.put(4648, LogonMappers::explicitCredentials);
        mappers.put(4672, e -> IdentityEvent.builder(IdentityEventKind.PRIVILEGED_LOGON, e)
                .actor(account(e, "Subject")).target(account(e, "Subject")).outcome(Outcome.SUCCESS)
                .value(e.value("PrivilegeList")).build());
    }

    private static IdentityEvent logon(WindowsEvent e, IdentityEventKind kind, Outcome outcome) {
        var target = account(e, "Target");
        if (target == null) {
            return null;
        }
        return IdentityEvent.builder(kind, e)
                .actor(target)
                .target(target)
                .outcome(outcome)
                .source(endpoint(e.value("WorkstationName"), e.value("IpAddress"), e.value("IpPort")))
                .protocol(AuthProtocol.fromPackage(e.value("AuthenticationPackageName")))
                .status(number(e, "Status"))
                .subStatus(number(e, "SubStatus"))
                .logonType(smallNumber(e, "LogonType"))
                .build();
    }

    /**
     * 4648 is written where the subject's process used the credentials, and its network fields
     * ({@code IpAddress}, {@code IpPort}) name the server they were sent to, not a client: the source is
     * the recording computer and the destination the target server.
     */
    private static IdentityEvent explicitCredentials(WindowsEvent e) {
        String server = hostName(e.value("TargetServerName"));
        return IdentityEvent.builder(IdentityEventKind.EXPLICIT_CREDENTIAL_LOGON, e)
                .actor(account(e, "Subject"))
                .target(account(e, "Target"))
                .outcome(Outcome.SUCCESS)
                .source(endpoint(e.computer(), null, null))
                .destination(server != null ? server : e.computer())
                .service(e.value("TargetServerName"))
                .build();
    }
}
