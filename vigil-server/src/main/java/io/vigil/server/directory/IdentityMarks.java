package io.vigil.server.directory;

import io.vigil.model.audit.AuditOutcome;
import io.vigil.model.directory.IdentityTag;
import io.vigil.server.security.AuditTrail;
import io.vigil.store.VigilDatabase;
import io.vigil.store.directory.IdentityMark;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Sensitive and honeytoken marks: stored by SID, audited, and applied to the inventory's tags at once. */
@Service
public class IdentityMarks {

    private final VigilDatabase database;
    private final InventoryTagging tagging;
    private final AuditTrail audit;

    IdentityMarks(VigilDatabase database, InventoryTagging tagging, AuditTrail audit) {
        this.database = database;
        this.tagging = tagging;
        this.audit = audit;
    }

    public List<IdentityMark> of(String sid) {
        return sid == null ? List.of() : database.identityMarks().forSid(sid);
    }

    /** Every account that carries {@code mark}, by SID. */
    public List<IdentityMark> all(IdentityTag mark) {
        return database.identityMarks().all().stream().filter(m -> m.mark() == mark).toList();
    }

    /** @param label how the audit log names the account, e.g. {@code lab.example\bob} */
    public void set(String sid, IdentityTag mark, String label, String user) {
        database.identityMarks().put(sid, mark, user);
        tagging.retag();
        audit.record("identity.mark.set", label, AuditOutcome.SUCCESS, Map.of("mark", mark.name(), "sid", sid));
    }

    /** Returns whether the mark was set. */
    public boolean remove(String sid, IdentityTag mark, String label) {
        boolean removed = database.identityMarks().remove(sid, mark);
        tagging.retag();
        audit.record("identity.mark.remove", label, AuditOutcome.SUCCESS,
                Map.of("mark", mark.name(), "sid", sid, "wasSet", Boolean.toString(removed)));
        return removed;
    }
}
