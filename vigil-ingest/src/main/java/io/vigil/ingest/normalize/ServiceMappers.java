package io.vigil.ingest.normalize;

import static io.vigil.ingest.normalize.EventFields.account;

import io.vigil.model.event.WindowsEvent;
import io.vigil.model.identity.Account;
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import io.vigil.model.identity.Outcome;
import java.util.Map;

/** 7045 (System log) and 4697 (Security log): a service was installed. */
final class ServiceMappers {

    private ServiceMappers() {
    }

    static void register(Map<Integer, EventMapper> mappers) {
        mappers.put(7045, e -> installed(e, Account.of(null, e.value("AccountName"), null)));
        mappers.put(4697, e -> installed(e, account(e, "Subject")));
    }

    private static IdentityEvent installed(WindowsEvent e, Account actor) {
        return IdentityEvent.builder(IdentityEventKind.SERVICE_INSTALLED, e)
                .actor(actor)
                .outcome(Outcome.SUCCESS)
                .service(e.value("ServiceName"))
                .value(e.value(e.eventId() == 7045 ? "ImagePath" : "ServiceFileName"))
                .build();
    }
}
