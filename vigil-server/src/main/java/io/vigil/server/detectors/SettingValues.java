package io.vigil.server.detectors;

import io.vigil.server.api.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a JSON settings object into the text form detectors are configured with: strings as they are,
 * numbers and booleans as written, arrays of those comma-separated. A {@code null} value means "the default".
 */
final class SettingValues {

    private SettingValues() {
    }

    static Map<String, String> toText(Map<String, Object> json) {
        Map<String, String> settings = new LinkedHashMap<>();
        json.forEach((name, value) -> {
            if (value != null) {
                settings.put(name, text(name, value));
            }
        });
        return settings;
    }

    private static String text(String name, Object value) {
        if (value instanceof List<?> items) {
            List<String> texts = new ArrayList<>();
            for (Object item : items) {
                String text = scalar(name, item);
                if (text.contains(",")) {
                    throw new InvalidRequestException(name, "setting " + name + ": a list item may not contain a comma, was '"
                            + text + "'");
                }
                texts.add(text);
            }
            return String.join(",", texts);
        }
        return scalar(name, value);
    }

    private static String scalar(String name, Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new InvalidRequestException(name, "setting " + name
                + " must be a string, a number, true/false or a list of those");
    }
}
