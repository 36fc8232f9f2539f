package io.vigil.integrations.pam;

import java.time.Instant;

/** A password change's state as last polled, with a message for the console; {@code changedAt} once it succeeded. */
public record ChangeState(ChangeStatus status, String message, Instant changedAt) {

    public static ChangeState pending(String message) {
        return new ChangeState(ChangeStatus.PENDING, message, null);
    }

    public static ChangeState inProgress(String message) {
        return new ChangeState(ChangeStatus.IN_PROGRESS, message, null);
    }

    public static ChangeState succeeded(String message, Instant changedAt) {
        return new ChangeState(ChangeStatus.SUCCEEDED, message, changedAt);
    }

    public static ChangeState failed(String message) {
        return new ChangeState(ChangeStatus.FAILED, message, null);
    }

    public boolean isFinal() {
        return status.isFinal();
    }
}
