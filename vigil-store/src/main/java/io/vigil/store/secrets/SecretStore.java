package io.vigil.store.secrets;

import io.vigil.store.NotFoundException;
import io.vigil.store.StoreException;
import io.vigil.store.internal.StoreContext;
import io.vigil.store.internal.Times;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Credentials that integrations sign in with, encrypted at rest (AES-256-GCM, a fresh nonce per
 * write, the secret's name as authenticated data). Values go in and come out as {@code char[]} that
 * the caller wipes; they are never logged, never listed, and no API returns them: callers may only
 * learn whether a secret is set. Names are chosen by the features, e.g. {@code directory/lab.example/bind}.
 */
public final class SecretStore {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_NAME = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StoreContext store;
    private final MasterKey key;

    public SecretStore(StoreContext store, MasterKey key) {
        this.store = store;
        this.key = key;
    }

    /** Stores or replaces the secret; the caller may wipe {@code value} afterwards. */
    public void put(String name, char[] value) {
        checkName(name);
        byte[] plain = utf8(value);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed;
        try {
            sealed = cipher(Cipher.ENCRYPT_MODE, name, nonce).doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot encrypt secret " + name + ": " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        store.inTransaction(() -> {
            store.jdbc().sql("DELETE FROM secrets WHERE name = :name").param("name", name).update();
            store.jdbc().sql("""
                            INSERT INTO secrets (name, key_id, nonce, ciphertext, updated_at)
                            VALUES (:name, :keyId, :nonce, :ciphertext, :now)""")
                    .param("name", name).param("keyId", key.id()).param("nonce", nonce)
                    .param("ciphertext", sealed).param("now", Times.toDb(store.now()))
                    .update();
        });
    }

    /**
     * The secret's value, decrypted: a fresh array the caller wipes after use.
     *
     * @throws NotFoundException if no secret has this name
     * @throws StoreException    if it was written under another master key or does not decrypt
     */
    public char[] reveal(String name) {
        record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
        }
        Sealed sealed = store.jdbc().sql("SELECT key_id, nonce, ciphertext FROM secrets WHERE name = :name")
                .param("name", name)
                .query((rs, row) -> new Sealed(rs.getString("key_id"), rs.getBytes("nonce"), rs.getBytes("ciphertext")))
                .optional()
                .orElseThrow(() -> new NotFoundException("secret", name));
        if (!sealed.keyId().equals(key.id())) {
            throw new StoreException("secret " + name + " was encrypted with master key " + sealed.keyId()
                    + ", but this server has master key " + key.id() + "; set it again or start with the old key");
        }
        byte[] plain = null;
        try {
            plain = cipher(Cipher.DECRYPT_MODE, name, sealed.nonce()).doFinal(sealed.ciphertext());
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            char[] value = Arrays.copyOf(chars.array(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return value;
        } catch (GeneralSecurityException e) {
            throw new StoreException("secret " + name + " does not decrypt: it was altered in the database", e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    public boolean exists(String name) {
        return store.jdbc().sql("SELECT COUNT(*) FROM secrets WHERE name = :name").param("name", name)
                .query(Long.class).single() > 0;
    }

    /** Returns whether there was such a secret. */
    public boolean delete(String name) {
        return store.jdbc().sql("DELETE FROM secrets WHERE name = :name").param("name", name).update() > 0;
    }

    /** The names under a prefix, e.g. {@code pam/}, for cleanup; never the values. */
    public List<String> names(String prefix) {
        return store.jdbc().sql("SELECT name FROM secrets WHERE name LIKE :prefix ESCAPE '!' ORDER BY name")
                .param("prefix", prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
                .query(String.class).list();
    }

    private Cipher cipher(int mode, String name, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] utf8(char[] value) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
        byte[] bytes = Arrays.copyOf(encoded.array(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a secret name is 1 to " + MAX_NAME + " characters");
        }
    }
}
