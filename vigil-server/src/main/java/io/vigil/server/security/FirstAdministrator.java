package io.vigil.server.security;

import io.vigil.model.audit.AuditEntry;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.model.user.Role;
import io.vigil.store.VigilDatabase;
import java.io.PrintStream;
import java.security.SecureRandom;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On the very first start, creates the {@code admin} account with a generated password and prints it
 * once on the console; it is stored only as a hash, so it is never shown again. Later starts find
 * users and do nothing.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 20;

    private final VigilDatabase database;
    private final PasswordEncoder passwords;
    private final PrintStream console;

    FirstAdministrator(VigilDatabase database, PasswordEncoder passwords) {
        this.database = database;
        this.passwords = passwords;
        this.console = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (database.users().count() > 0) {
            return;
        }
        String password = generate();
        database.users().create(USERNAME, passwords.encode(password), Role.GLOBAL_ADMIN);
        database.auditLog().append(AuditEntry.of("vigil", "user.create", USERNAME, AuditOutcome.SUCCESS));
        console.println();
        console.println("Vigil created the first administrator. Sign in and change the password;");
        console.println("it is shown this once only:");
        console.println("    user:     " + USERNAME);
        console.println("    password: " + password);
        console.println();
        console.flush();
    }

    static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
