package io.vigil.store.secrets;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts the secret store. It never enters the database: it comes from the
 * {@code VIGIL_MASTER_KEY} environment variable (base64 of 32 bytes) or from a key file that the
 * server creates on first start, readable by its owner only. Its id (a hash prefix) is stored with
 * every secret, so a server started with another key says so instead of failing to decrypt.
 */
public final class MasterKey {

    public static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final String id;

    private MasterKey(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a master key is " + BYTES + " bytes, not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = idOf(bytes);
    }

    /** A key from its base64 text, e.g. the {@code VIGIL_MASTER_KEY} environment variable. */
    public static MasterKey fromBase64(String base64) {
        try {
            return new MasterKey(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master key is not base64 of " + BYTES + " bytes", e);
        }
    }

    /** The key in {@code file}, created with fresh random bytes (owner read/write only) when missing. */
    public static MasterKey fromFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        return fromBase64(Files.readString(file));
    }

    public static MasterKey random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new MasterKey(bytes);
    }

    SecretKey key() {
        return key;
    }

    /** A short hash of the key, safe to store and show. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static String idOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
