package io.vigil.detection.registry;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds {@code name=value} settings onto a configuration record, starting from its defaults.
 * Supported component types: int, long, double, boolean, String, {@link Duration} (ISO-8601 such as
 * {@code PT10M}, or shorthand {@code 10m}, {@code 30s}, {@code 2h}, {@code 1d}) and {@code Set<String>}
 * / {@code List<String>} (comma-separated).
 */
final class ConfigBinder {

    private ConfigBinder() {
    }

    static <C extends Record> C bind(Class<C> type, C defaults, Map<String, String> settings, String prefix) {
        RecordComponent[] components = type.getRecordComponents();
        for (String name : settings.keySet()) {
            if (Arrays.stream(components).noneMatch(c -> c.getName().equals(name))) {
                throw new IllegalArgumentException("unknown setting " + prefix + name + "; known: "
                        + Arrays.stream(components).map(RecordComponent::getName).toList());
            }
        }
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            String raw = settings.get(c.getName());
            try {
                values[i] = raw == null ? c.getAccessor().invoke(defaults) : parse(c.getGenericType(), raw.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad value for " + prefix + c.getName() + ": '" + raw + "' ("
                        + e.getMessage() + ")", e);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            Constructor<C> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException("invalid settings for " + prefix + ": " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record's components as name → text that {@link #bind} parses back to the same value. */
    static Map<String, String> describe(Record config) {
        Map<String, String> values = new LinkedHashMap<>();
        for (RecordComponent c : config.getClass().getRecordComponents()) {
            try {
                values.put(c.getName(), format(c.getAccessor().invoke(config)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    private static String format(Object value) {
        if (value instanceof Collection<?> items) {
            // sets have no order of their own; sorted text keeps the description stable
            var texts = items.stream().map(String::valueOf);
            return String.join(",", (items instanceof Set ? texts.sorted() : texts).toList());
        }
        return String.valueOf(value);
    }

    private static Object parse(Type type, String raw) {
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(raw);
        }
        if (type == long.class || type == Long.class) {
            return Long.parseLong(raw);
        }
        if (type == double.class || type == Double.class) {
            return Double.parseDouble(raw);
        }
        if (type == boolean.class || type == Boolean.class) {
            if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("expected true or false");
            }
            return Boolean.parseBoolean(raw);
        }
        if (type == String.class) {
            return raw;
        }
        if (type == Duration.class) {
            return duration(raw);
        }
        if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] == String.class) {
            List<String> items = Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (p.getRawType() == Set.class) {
                return Set.copyOf(new LinkedHashSet<>(items));
            }
            if (p.getRawType() == List.class) {
                return items;
            }
        }
        throw new IllegalArgumentException("unsupported setting type " + type.getTypeName());
    }

    static Duration duration(String raw) {
        String s = raw.toLowerCase(java.util.Locale.ROOT);
        if (s.startsWith("p")) {
            return Duration.parse(raw);
        }
        if (s.length() < 2) {
            throw new IllegalArgumentException("expected a duration such as 10m or PT10M");
        }
        long n = Long.parseLong(s.substring(0, s.length() - 1));
        return switch (s.charAt(s.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("expected a duration such as 10m or PT10M");
        };
    }
}
