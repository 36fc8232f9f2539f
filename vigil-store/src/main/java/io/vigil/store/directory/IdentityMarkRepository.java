package io.vigil.store.directory;

import io.vigil.model.directory.IdentityTag;
import io.vigil.store.internal.StoreContext;
import io.vigil.store.internal.Times;
import io.vigil.store.internal.Upsert;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;

/** Sensitive and honeytoken marks set by administrators, by SID (upper-cased, as SIDs compare). */
public final class IdentityMarkRepository {

    /** The tags an administrator may set. */
    public static final Set<IdentityTag> MARKS = Set.of(IdentityTag.SENSITIVE, IdentityTag.HONEYTOKEN);

    private static final RowMapper<IdentityMark> MAPPER = (rs, row) -> new IdentityMark(rs.getString("object_sid"),
            IdentityTag.valueOf(rs.getString("mark")), rs.getString("marked_by"), Times.fromDb(rs, "marked_at"));

    private final StoreContext store;

    public IdentityMarkRepository(StoreContext store) {
        this.store = store;
    }

    /** Sets the mark (again: who and when are then the latest). */
    public IdentityMark put(String objectSid, IdentityTag mark, String by) {
        checkMark(mark);
        Upsert.into("identity_marks", "object_sid", "mark")
                .value("object_sid", fold(objectSid))
                .value("mark", mark.name())
                .value("marked_by", by)
                .value("marked_at", Times.toDb(store.now()))
                .execute(store.jdbc(), store.dialect());
        return forSid(objectSid).stream().filter(m -> m.mark() == mark).findFirst().orElseThrow();
    }

    /** Returns whether the mark was set. */
    public boolean remove(String objectSid, IdentityTag mark) {
        checkMark(mark);
        return store.jdbc().sql("DELETE FROM identity_marks WHERE object_sid = :sid AND mark = :mark")
                .param("sid", fold(objectSid)).param("mark", mark.name()).update() > 0;
    }

    public List<IdentityMark> forSid(String objectSid) {
        return store.jdbc().sql("SELECT * FROM identity_marks WHERE object_sid = :sid ORDER BY mark")
                .param("sid", fold(objectSid)).query(MAPPER).list();
    }

    public List<IdentityMark> all() {
        return store.jdbc().sql("SELECT * FROM identity_marks ORDER BY object_sid, mark").query(MAPPER).list();
    }

    private static void checkMark(IdentityTag mark) {
        if (!MARKS.contains(mark)) {
            throw new IllegalArgumentException(mark + " is computed from the directory, not marked");
        }
    }

    private static String fold(String sid) {
        return sid.strip().toUpperCase(Locale.ROOT);
    }
}
