package io.vigil.server.console.settings.internal;

import io.vigil.server.api.InvalidRequestException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reading a submitted form the way the API's JSON would carry it: blank is absent, lists split, numbers checked. */
public final class FormValues {

    private FormValues() {
    }

    /** The value stripped, or null when blank or absent. */
    public static String text(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A password or key exactly as typed (spaces count), or null when nothing was typed. */
    public static String secret(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Items separated by commas, spaces or new lines; empty when blank. */
    public static List<String> list(Map<String, String> form, String name) {
        String value = text(form, name);
        return value == null ? List.of() : Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** @throws InvalidRequestException naming the field when it is not a whole number */
    public static Integer integer(Map<String, String> form, String name, String label) {
        String value = text(form, name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name, label + " is a whole number, was '" + value + "'");
        }
    }
}
