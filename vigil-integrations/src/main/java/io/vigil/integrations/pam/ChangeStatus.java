package io.vigil.integrations.pam;

/** Where a requested password change stands. */
public enum ChangeStatus {
    /** Accepted, not picked up by the vault's change engine yet. */
    PENDING,
    /** The vault is changing the password. */
    IN_PROGRESS,
    SUCCEEDED,
    FAILED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
