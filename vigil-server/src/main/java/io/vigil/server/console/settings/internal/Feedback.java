package io.vigil.server.console.settings.internal;

/** What a settings page says after an action: that it was done, or why it was not. */
public record Feedback(boolean ok, String message) {

    public static Feedback done(String message) {
        return new Feedback(true, message);
    }

    public static Feedback failed(String message) {
        return new Feedback(false, message);
    }

    /** The notice's class: {@code ok} or {@code error}. */
    public String kind() {
        return ok ? "ok" : "error";
    }
}
