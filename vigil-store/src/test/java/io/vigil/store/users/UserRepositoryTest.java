package io.vigil.store.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.model.user.Role;
import io.vigil.model.user.UserAccount;
import io.vigil.store.AlreadyExistsException;
import io.vigil.store.NotFoundException;
import io.vigil.store.VigilDatabase;
import io.vigil.store.testing.DatabaseTest;

class UserRepositoryTest {

    private static final String HASH = "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";

    @DatabaseTest
    void createsFindsAndKeepsTheHashApart(VigilDatabase db) {
        UserAccount admin = db.users().create("admin", HASH, Role.GLOBAL_ADMIN);

        assertThat(admin.enabled()).isTrue();
        assertThat(admin.failedLogins()).isZero();
        assertThat(db.users().find("admin")).contains(admin);
        assertThat(db.users().passwordHash("admin")).contains(HASH);
        assertThat(db.users().count()).isEqualTo(1);
        assertThatThrownBy(() -> db.users().create("admin", HASH, Role.SECURITY_READER))
                .isInstanceOf(AlreadyExistsException.class).hasMessage("user admin already exists");
    }

    @DatabaseTest
    void countsFailedSignInsUntilReset(VigilDatabase db) {
        db.users().create("alice", HASH, Role.SECURITY_OPERATOR);

        db.users().recordFailedLogin("alice");
        assertThat(db.users().recordFailedLogin("alice")).isEqualTo(2);
        db.users().resetFailedLogins("alice");
        db.users().recordFailedLogin("alice");
        db.users().changePassword("alice", "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA");

        assertThat(db.users().find("alice").orElseThrow().failedLogins()).isZero();
        assertThat(db.users().passwordHash("alice")).hasValueSatisfying(h -> assertThat(h).startsWith("$argon2id$"));
    }

    @DatabaseTest
    void changesRoleAndEnablementAndDeletes(VigilDatabase db) {
        db.users().create("bob", HASH, Role.SECURITY_READER);
        db.users().create("alice", HASH, Role.SECURITY_READER);

        db.users().changeRole("bob", Role.SECURITY_ADMIN);
        db.users().setEnabled("bob", false);

        assertThat(db.users().find("bob").orElseThrow()).extracting(UserAccount::role, UserAccount::enabled)
                .containsExactly(Role.SECURITY_ADMIN, false);
        assertThat(db.users().list()).extracting(UserAccount::username).containsExactly("alice", "bob");
        assertThat(db.users().delete("bob")).isTrue();
        assertThat(db.users().delete("bob")).isFalse();
        assertThatThrownBy(() -> db.users().changeRole("bob", Role.GLOBAL_ADMIN)).isInstanceOf(NotFoundException.class);
    }
}
