package io.vigil.integrations.pam;

/** How an operation ended, with a message the console can show as is. {@code failure} is null on success. */
public record PamOutcome(boolean ok, PamFailure failure, String message) {

    public static PamOutcome ok(String message) {
        return new PamOutcome(true, null, message);
    }

    public static PamOutcome failed(PamFailure failure, String message) {
        return new PamOutcome(false, failure, message);
    }
}
