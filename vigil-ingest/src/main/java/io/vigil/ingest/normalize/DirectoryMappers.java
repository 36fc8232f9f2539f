package io.vigil.ingest.normalize;

import static io.vigil.ingest.normalize.EventFields.account;
import static io.vigil.ingest.normalize.EventFields.number;

import io.vigil.model.event.WindowsEvent;
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import io.vigil.model.identity.Outcome;
import java.util.Map;

/** 4662 directory object access (and replication requests), 5136 modification, 5137 creation. */
final class DirectoryMappers {

    private DirectoryMappers() {
    }

    static void register(Map<Integer, EventMapper> mappers) {
        mappers.put(4662, DirectoryMappers::objectAccess);
        mappers.put(5136, e -> change(e, IdentityEventKind.DIRECTORY_OBJECT_MODIFIED)
                .attribute(e.value("AttributeLDAPDisplayName"))
                .value(e.value("AttributeValue"))
                .build());
        mappers.put(5137, e -> change(e, IdentityEventKind.DIRECTORY_OBJECT_CREATED).build());
    }

    private static IdentityEvent objectAccess(WindowsEvent e) {
        String rights = (number(e, "AccessMask") & ReplicationRights.CONTROL_ACCESS) != 0
                ? ReplicationRights.named(e.field("Properties"))
                : null;
        IdentityEventKind kind = rights != null
                ? IdentityEventKind.REPLICATION_REQUEST
                : IdentityEventKind.DIRECTORY_OBJECT_ACCESS;
        return IdentityEvent.builder(kind, e)
                .actor(account(e, "Subject"))
                .outcome(Outcome.SUCCESS)
                .object(e.value("ObjectName"))
                .attribute(rights)
                .build();
    }

    private static IdentityEvent.Builder change(WindowsEvent e, IdentityEventKind kind) {
        return IdentityEvent.builder(kind, e)
                .actor(account(e, "Subject"))
                .outcome(Outcome.SUCCESS)
                .object(e.value("ObjectDN"));
    }
}
