package io.vigil.store.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.model.directory.IdentityTag;
import io.vigil.store.VigilDatabase;
import io.vigil.store.testing.DatabaseTest;

class IdentityMarkRepositoryTest {

    private static final String SID = "S-1-5-21-1004336348-1177238915-682003330-1105";

    @DatabaseTest
    void marksAreKeptBySidWithWhoAndCanBeRemoved(VigilDatabase db) {
        db.identityMarks().put(SID, IdentityTag.HONEYTOKEN, "alice");
        IdentityMark again = db.identityMarks().put(SID.toLowerCase(), IdentityTag.HONEYTOKEN, "bob");
        db.identityMarks().put(SID, IdentityTag.SENSITIVE, "alice");

        assertThat(again.markedBy()).isEqualTo("bob");
        assertThat(again.objectSid()).isEqualTo(SID);
        assertThat(db.identityMarks().forSid(SID)).extracting(IdentityMark::mark)
                .containsExactly(IdentityTag.HONEYTOKEN, IdentityTag.SENSITIVE);
        assertThat(db.identityMarks().remove(SID, IdentityTag.HONEYTOKEN)).isTrue();
        assertThat(db.identityMarks().remove(SID, IdentityTag.HONEYTOKEN)).isFalse();
        assertThat(db.identityMarks().all()).extracting(IdentityMark::mark).containsExactly(IdentityTag.SENSITIVE);
    }

    @DatabaseTest
    void computedTagsCannotBeMarked(VigilDatabase db) {
        assertThatThrownBy(() -> db.identityMarks().put(SID, IdentityTag.DOMAIN_CONTROLLER, "alice"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
