package io.vigil.store.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.store.AlreadyExistsException;
import io.vigil.store.NotFoundException;
import io.vigil.store.VigilDatabase;
import io.vigil.store.testing.DatabaseTest;
import java.util.List;

class DirectorySourceRepositoryTest {

    static DirectorySourceSettings settings(String domain) {
        return new DirectorySourceSettings(domain, List.of("dc1." + domain, "dc2." + domain), 636, "LDAPS",
                "PINNED", "ab".repeat(32), "DC=" + domain.replace(".", ",DC="), "CN=vigil-sync,CN=Users", true, 500);
    }

    @DatabaseTest
    void createReadsBackWithWhoAndWhen(VigilDatabase db) {
        StoredDirectorySource created = db.directorySources().create(settings("lab.example"), "alice");

        assertThat(created.settings()).isEqualTo(settings("lab.example"));
        assertThat(created.createdBy()).isEqualTo("alice");
        assertThat(created.updatedBy()).isEqualTo("alice");
        assertThat(created.createdAt()).isNotNull();
        assertThat(db.directorySources().findById(created.id())).contains(created);
        assertThat(db.directorySources().findByDomain("lab.example")).contains(created);
    }

    @DatabaseTest
    void oneSourcePerDomain(VigilDatabase db) {
        db.directorySources().create(settings("lab.example"), "alice");
        StoredDirectorySource other = db.directorySources().create(settings("corp.example"), "alice");

        assertThatThrownBy(() -> db.directorySources().create(settings("lab.example"), "bob"))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("lab.example");
        assertThatThrownBy(() -> db.directorySources().update(other.id(), settings("lab.example"), "bob"))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(db.directorySources().all()).extracting(StoredDirectorySource::domain)
                .containsExactly("corp.example", "lab.example");
    }

    @DatabaseTest
    void updateReplacesTheSettingsAndDeleteRemoves(VigilDatabase db) {
        StoredDirectorySource created = db.directorySources().create(settings("lab.example"), "alice");
        DirectorySourceSettings plain = new DirectorySourceSettings("lab.example", List.of("127.0.0.1"), 389, "PLAIN",
                "NONE", null, "DC=lab,DC=example", "CN=other", false, 50);

        StoredDirectorySource updated = db.directorySources().update(created.id(), plain, "bob");

        assertThat(updated.settings()).isEqualTo(plain);
        assertThat(updated.createdBy()).isEqualTo("alice");
        assertThat(updated.updatedBy()).isEqualTo("bob");
        assertThat(db.directorySources().delete(created.id())).isTrue();
        assertThat(db.directorySources().delete(created.id())).isFalse();
        assertThatThrownBy(() -> db.directorySources().update(created.id(), plain, "bob"))
                .isInstanceOf(NotFoundException.class);
    }
}
