package io.vigil.server.console.settings.internal;

import java.util.List;

/**
 * One field of a settings form, rendered by {@code settings/form :: fields}. Secret fields (passwords,
 * keys) are write-only: a page never puts a value in them, not even after a refused submission.
 */
public record FormField(String name, String label, Input input, boolean required, String hint, List<Choice> choices) {

    public enum Input { TEXT, NUMBER, SECRET, SELECT, TEXTAREA, SECRET_TEXTAREA }

    public record Choice(String value, String label) {
    }

    public static FormField text(String name, String label) {
        return new FormField(name, label, Input.TEXT, true, null, List.of());
    }

    public static FormField number(String name, String label) {
        return new FormField(name, label, Input.NUMBER, true, null, List.of());
    }

    public static FormField secret(String name, String label) {
        return new FormField(name, label, Input.SECRET, true, null, List.of());
    }

    public static FormField textArea(String name, String label) {
        return new FormField(name, label, Input.TEXTAREA, true, null, List.of());
    }

    public static FormField secretTextArea(String name, String label) {
        return new FormField(name, label, Input.SECRET_TEXTAREA, true, null, List.of());
    }

    public static FormField select(String name, String label, List<Choice> choices) {
        return new FormField(name, label, Input.SELECT, true, null, List.copyOf(choices));
    }

    public FormField optional() {
        return new FormField(name, label, input, false, hint, choices);
    }

    public FormField hint(String text) {
        return new FormField(name, label, input, required, text, choices);
    }

    public boolean secret() {
        return input == Input.SECRET || input == Input.SECRET_TEXTAREA;
    }

    /** The input's kind in lower case, for the template's switch: {@code text}, {@code secret}, {@code select}, … */
    public String kind() {
        return input.name().toLowerCase(java.util.Locale.ROOT);
    }
}
