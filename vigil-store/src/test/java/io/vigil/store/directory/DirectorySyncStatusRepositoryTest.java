package io.vigil.store.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.directory.SyncErrorKind;
import io.vigil.model.directory.SyncMode;
import io.vigil.model.directory.SyncOutcome;
import io.vigil.model.directory.SyncState;
import io.vigil.store.VigilDatabase;
import io.vigil.store.testing.DatabaseTest;
import java.time.Instant;
import java.util.List;

class DirectorySyncStatusRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @DatabaseTest
    void keepsTheLastOutcomeOfEachModeNewestFirst(VigilDatabase db) {
        long id = db.directorySources().create(DirectorySourceRepositoryTest.settings("lab.example"), "alice").id();
        SyncOutcome full = new SyncOutcome("lab.example", SyncMode.FULL, SyncState.SUCCEEDED, "CN=DC1", T0,
                T0.plusSeconds(5), 30, 30, 0, 5000, null, null, List.of("continuation references not followed"));
        SyncOutcome failed = new SyncOutcome("lab.example", SyncMode.INCREMENTAL, SyncState.FAILED, "dc1:636",
                T0.plusSeconds(60), T0.plusSeconds(61), 0, 0, 0, -1, SyncErrorKind.BAD_CREDENTIALS,
                "LDAP 49 from dc1:636: invalid credentials", List.of());
        SyncOutcome secondFailure = new SyncOutcome("lab.example", SyncMode.INCREMENTAL, SyncState.FAILED, "dc1:636",
                T0.plusSeconds(120), T0.plusSeconds(130), 0, 0, 0, -1, SyncErrorKind.UNREACHABLE,
                "dc1:636 unreachable", List.of());

        db.directorySyncStatus().record(id, full);
        db.directorySyncStatus().record(id, failed);
        db.directorySyncStatus().record(id, secondFailure);

        assertThat(db.directorySyncStatus().lastOutcomes(id)).containsExactly(secondFailure, full);
    }

    @DatabaseTest
    void deletingTheSourceDeletesItsStatus(VigilDatabase db) {
        long id = db.directorySources().create(DirectorySourceRepositoryTest.settings("lab.example"), "alice").id();
        db.directorySyncStatus().record(id, new SyncOutcome("lab.example", SyncMode.FULL, SyncState.SUCCEEDED, "CN=DC1",
                T0, T0, 0, 0, 0, 1, null, null, List.of()));

        db.directorySources().delete(id);

        assertThat(db.directorySyncStatus().lastOutcomes(id)).isEmpty();
    }
}
