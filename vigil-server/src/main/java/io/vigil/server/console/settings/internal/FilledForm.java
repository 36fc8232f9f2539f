package io.vigil.server.console.settings.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form's fields with the values to show in them: empty for a new form, what was typed for one that
 * comes back refused, secrets always left out.
 */
public record FilledForm(List<FormField> fields, Map<String, String> values) {

    public static FilledForm blank(List<FormField> fields) {
        return new FilledForm(List.copyOf(fields), Map.of());
    }

    /** The form as submitted, for showing it again: every value but the secrets. */
    public static FilledForm echo(List<FormField> fields, Map<String, String> submitted) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (FormField field : fields) {
            String value = submitted.get(field.name());
            if (!field.secret() && value != null) {
                kept.put(field.name(), value);
            }
        }
        return new FilledForm(List.copyOf(fields), Map.copyOf(kept));
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }
}
