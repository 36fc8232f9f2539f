package io.vigil.integrations.ldap;

/**
 * The bind password, fetched from the secret store when a sync binds. Each call returns a fresh
 * array that the caller clears once used, so the password lives in memory only for the bind.
 */
@FunctionalInterface
public interface BindCredential {

    char[] password();
}
