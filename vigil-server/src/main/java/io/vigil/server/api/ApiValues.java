package io.vigil.server.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How enum values look in the API: lower case with underscores ({@code in_progress}, {@code true_positive}).
 * Parsing also takes other spellings people type: any case, spaces or hyphens, Sentinel's {@code InProgress}.
 */
public final class ApiValues {

    private ApiValues() {
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    /** Every value of an enum as the API spells it, in declaration order. */
    public static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(ApiValues::name).toList();
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        String wanted = squash(text);
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> squash(constant.name()).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException(field, field + " '" + text + "' is not one of "
                        + allowed(type)));
    }

    /** Every value of a multi-valued filter ({@code status=new&status=resolved} or {@code status=new,resolved}). */
    public static <E extends Enum<E>> Set<E> parseAll(Class<E> type, String field, List<String> texts) {
        Set<E> values = EnumSet.noneOf(type);
        if (texts != null) {
            texts.stream().filter(text -> !text.isBlank()).forEach(text -> values.add(parse(type, field, text.strip())));
        }
        return values;
    }

    private static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ApiValues::name).collect(Collectors.joining(", "));
    }

    private static String squash(String text) {
        return text == null ? "" : text.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    }
}
