package io.vigil.server.audit;

import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import io.vigil.store.VigilDatabase;
import org.springframework.stereotype.Service;

/** Reads the append-only audit log, newest first, for the API and the console. */
@Service
public class AuditLogSearch {

    private final VigilDatabase database;

    AuditLogSearch(VigilDatabase database) {
        this.database = database;
    }

    public Page<AuditEntryView> find(AuditQuery query, PageRequest page) {
        return database.auditLog().find(query.filter(), page).map(AuditEntryView::of);
    }
}
