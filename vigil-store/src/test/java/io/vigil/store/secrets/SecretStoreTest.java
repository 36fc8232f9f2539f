package io.vigil.store.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.store.NotFoundException;
import io.vigil.store.StoreException;
import io.vigil.store.VigilDatabase;
import io.vigil.store.testing.DatabaseTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoreTest {

    private static final String NAME = "pam/cyberark-prod/password";
    private static final String VALUE = "Sup3r-S3cret-Vault-Pässword";

    @DatabaseTest
    void storesEncryptedAndRevealsOnlyWithTheKey(VigilDatabase db, DataSource dataSource) throws Exception {
        MasterKey key = MasterKey.random();
        SecretStore secrets = db.secrets(key);

        secrets.put(NAME, VALUE.toCharArray());

        assertThat(secrets.reveal(NAME)).containsExactly(VALUE.toCharArray());
        assertThat(secrets.exists(NAME)).isTrue();
        byte[] stored = column(dataSource, "ciphertext");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("S3cret");
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("S3cret");
        assertThat(new String(column(dataSource, "key_id"), StandardCharsets.UTF_8)).isEqualTo(key.id());
    }

    @DatabaseTest
    void replacingKeepsOneValueAndEveryWriteGetsItsOwnNonce(VigilDatabase db, DataSource dataSource) throws Exception {
        SecretStore secrets = db.secrets(MasterKey.random());
        secrets.put(NAME, "first".toCharArray());
        byte[] firstNonce = column(dataSource, "nonce");

        secrets.put(NAME, "second".toCharArray());

        assertThat(secrets.reveal(NAME)).containsExactly("second".toCharArray());
        assertThat(column(dataSource, "nonce")).isNotEqualTo(firstNonce);
        assertThat(secrets.names("pam/")).containsExactly(NAME);
    }

    @DatabaseTest
    void anotherMasterKeyIsNamedInsteadOfDecryptingGarbage(VigilDatabase db) {
        db.secrets(MasterKey.random()).put(NAME, VALUE.toCharArray());
        MasterKey other = MasterKey.random();

        assertThatThrownBy(() -> db.secrets(other).reveal(NAME))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("master key " + other.id())
                .hasMessageNotContaining(VALUE);
    }

    @DatabaseTest
    void aCiphertextMovedToAnotherNameDoesNotDecrypt(VigilDatabase db, DataSource dataSource) throws Exception {
        SecretStore secrets = db.secrets(MasterKey.random());
        secrets.put(NAME, VALUE.toCharArray());
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeUpdate("UPDATE secrets SET name = 'webhook/hmac'");
        }

        assertThatThrownBy(() -> secrets.reveal("webhook/hmac"))
                .isInstanceOf(StoreException.class).hasMessageContaining("altered");
    }

    @DatabaseTest
    void missingAndDeletedSecrets(VigilDatabase db) {
        SecretStore secrets = db.secrets(MasterKey.random());
        secrets.put(NAME, VALUE.toCharArray());

        assertThat(secrets.delete(NAME)).isTrue();
        assertThat(secrets.delete(NAME)).isFalse();
        assertThat(secrets.exists(NAME)).isFalse();
        assertThatThrownBy(() -> secrets.reveal(NAME)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> secrets.put(" ", VALUE.toCharArray())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyFileIsCreatedOnceOwnerOnlyAndReadBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve("secrets.key");

        MasterKey created = MasterKey.fromFile(file);
        MasterKey again = MasterKey.fromFile(file);

        assertThat(again.id()).isEqualTo(created.id());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(created.toString()).isEqualTo("MasterKey[" + created.id() + "]");
        assertThatThrownBy(() -> MasterKey.fromBase64("c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] column(DataSource dataSource, String column) throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT " + column + " FROM secrets")) {
            rs.next();
            return rs.getBytes(1);
        }
    }
}
