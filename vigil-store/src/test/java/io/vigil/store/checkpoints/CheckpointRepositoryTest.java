package io.vigil.store.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.store.VigilDatabase;
import io.vigil.store.testing.DatabaseTest;
import java.nio.charset.StandardCharsets;

class CheckpointRepositoryTest {

    @DatabaseTest
    void loadsTheLatestSnapshot(VigilDatabase db) {
        assertThat(db.checkpoints().latest()).isEmpty();

        db.checkpoints().save(100, bytes("state at 100"));
        Checkpoint saved = db.checkpoints().save(250, bytes("state at 250"));

        Checkpoint latest = db.checkpoints().latest().orElseThrow();
        assertThat(latest.snapshotId()).isEqualTo(saved.snapshotId());
        assertThat(latest.journalPosition()).isEqualTo(250);
        assertThat(latest.takenAt()).isEqualTo(saved.takenAt());
        assertThat(new String(latest.state(), StandardCharsets.UTF_8)).isEqualTo("state at 250");
    }

    @DatabaseTest
    void keepsOnlyTheNewestN(VigilDatabase db) {
        for (int position = 1; position <= 5; position++) {
            db.checkpoints().save(position, new byte[] {(byte) position});
        }

        assertThat(db.checkpoints().retainLatest(2)).isEqualTo(3);
        assertThat(db.checkpoints().count()).isEqualTo(2);
        assertThat(db.checkpoints().latest().orElseThrow().journalPosition()).isEqualTo(5);
        assertThat(db.checkpoints().retainLatest(2)).isZero();
        assertThatThrownBy(() -> db.checkpoints().retainLatest(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
