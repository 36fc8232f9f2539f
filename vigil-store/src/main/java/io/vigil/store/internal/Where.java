package io.vigil.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds a WHERE clause and its named parameters from optional filter values; absent values add nothing. */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    public Where equalTo(String column, String parameter, Object value) {
        return when(value != null, column + " = :" + parameter, parameter, value);
    }

    public Where in(String column, String parameter, Collection<?> values) {
        return when(values != null && !values.isEmpty(), column + " IN (:" + parameter + ")", parameter,
                values == null ? null : List.copyOf(values));
    }

    /** {@code column IN (subquery)} where the subquery takes {@code :parameter} as a list. */
    public Where in(String column, String subquery, String parameter, Collection<?> values) {
        return when(values != null && !values.isEmpty(), column + " IN " + subquery, parameter,
                values == null ? null : List.copyOf(values));
    }

    public Where enumIn(String column, String parameter, Collection<? extends Enum<?>> values) {
        return in(column, parameter, values == null ? null : values.stream().map(Enum::name).toList());
    }

    public Where atOrAfter(String column, String parameter, Instant time) {
        return when(time != null, column + " >= :" + parameter, parameter, Times.toDb(time));
    }

    public Where before(String column, String parameter, Instant time) {
        return when(time != null, column + " < :" + parameter, parameter, Times.toDb(time));
    }

    /**
     * A case-insensitive substring match; {@code condition} uses {@code :parameter} as a LIKE pattern
     * with {@code ESCAPE '\'}.
     */
    public Where containsText(String condition, String parameter, String text) {
        boolean present = text != null && !text.isBlank();
        return when(present, condition, parameter, present ? "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%" : null);
    }

    public String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    private Where when(boolean present, String condition, String parameter, Object value) {
        if (present) {
            conditions.add(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
