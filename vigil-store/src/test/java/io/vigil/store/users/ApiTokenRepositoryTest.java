package io.vigil.store.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.model.user.ApiToken;
import io.vigil.model.user.Role;
import io.vigil.store.AlreadyExistsException;
import io.vigil.store.VigilDatabase;
import io.vigil.store.testing.DatabaseTest;
import java.time.Instant;

class ApiTokenRepositoryTest {

    private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");

    @DatabaseTest
    void findsATokenByItsHash(VigilDatabase db) {
        ApiToken created = db.apiTokens().create("siem-export", "sha256:abc", Role.SECURITY_READER, "alice", EXPIRY);
        db.apiTokens().create("ci", "sha256:def", Role.SECURITY_OPERATOR, "bob", null);

        assertThat(db.apiTokens().findByHash("sha256:abc")).contains(created);
        assertThat(db.apiTokens().findByHash("sha256:nope")).isEmpty();
        assertThat(created.isUsableAt(EXPIRY.minusSeconds(1))).isTrue();
        assertThat(created.isUsableAt(EXPIRY)).isFalse();
        assertThat(db.apiTokens().listByOwner("bob")).extracting(ApiToken::name).containsExactly("ci");
        assertThat(db.apiTokens().list()).hasSize(2);
    }

    @DatabaseTest
    void tracksUseAndRevocation(VigilDatabase db) {
        ApiToken token = db.apiTokens().create("ci", "sha256:def", Role.SECURITY_OPERATOR, "bob", null);
        Instant used = Instant.parse("2025-01-01T12:00:00Z");

        db.apiTokens().markUsed(token.id(), used);
        assertThat(db.apiTokens().revoke(token.id())).isTrue();
        assertThat(db.apiTokens().revoke(token.id())).isFalse();

        ApiToken reloaded = db.apiTokens().findByHash("sha256:def").orElseThrow();
        assertThat(reloaded.lastUsedAt()).isEqualTo(used);
        assertThat(reloaded.revoked()).isTrue();
        assertThat(reloaded.isUsableAt(used)).isFalse();
    }

    @DatabaseTest
    void twoTokensCannotShareAHash(VigilDatabase db) {
        db.apiTokens().create("one", "sha256:same", Role.SECURITY_READER, "alice", null);

        assertThatThrownBy(() -> db.apiTokens().create("two", "sha256:same", Role.SECURITY_READER, "alice", null))
                .isInstanceOf(AlreadyExistsException.class);
    }
}
