package io.vigil.server.users;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** At least 12 characters; at most 72 bytes, beyond which bcrypt would silently ignore the rest. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    private static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    static String check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "a password may have at most " + MAX_BYTES + " bytes (UTF-8)");
        }
        return password;
    }
}
