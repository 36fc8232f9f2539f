package io.vigil.server.console.settings.users;

/** The new-user form as typed: the password is never among what is shown again. */
public record NewUserForm(String username, String role) {

    static NewUserForm blank() {
        return new NewUserForm("", "SECURITY_READER");
    }
}
