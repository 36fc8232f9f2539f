package io.vigil.detection.registry;

import io.vigil.detection.spi.Detector;
import io.vigil.detection.spi.DetectorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Finds detector factories through {@link ServiceLoader} and creates detectors from settings of the
 * form {@code <detector-id>.<config-component>=value}; {@code <detector-id>.enabled=false} leaves a
 * detector out. A setting that names no detector or no component is an error, never ignored.
 */
public final class DetectorRegistry {

    private static final String ENABLED = "enabled";

    private final Map<String, DetectorFactory<?>> factories;

    private DetectorRegistry(Map<String, DetectorFactory<?>> factories) {
        this.factories = factories;
    }

    public static DetectorRegistry discover() {
        return discover(DetectorRegistry.class.getClassLoader());
    }

    public static DetectorRegistry discover(ClassLoader loader) {
        Map<String, DetectorFactory<?>> found = new LinkedHashMap<>();
        @SuppressWarnings("rawtypes")
        ServiceLoader<DetectorFactory> loaded = ServiceLoader.load(DetectorFactory.class, loader);
        List<DetectorFactory<?>> sorted = new ArrayList<>();
        loaded.forEach(sorted::add);
        sorted.sort(Comparator.comparing(DetectorFactory::id));
        for (DetectorFactory<?> f : sorted) {
            DetectorFactory<?> previous = found.putIfAbsent(f.id(), f);
            if (previous != null) {
                throw new IllegalStateException("two detector factories share the id " + f.id() + ": "
                        + previous.getClass().getName() + " and " + f.getClass().getName());
            }
        }
        return new DetectorRegistry(found);
    }

    public List<String> ids() {
        return List.copyOf(factories.keySet());
    }

    /** Every enabled detector, configured from {@code settings}. */
    public List<Detector<?>> create(Map<String, String> settings) {
        Map<String, Map<String, String>> byDetector = new HashMap<>();
        for (var e : settings.entrySet()) {
            String key = e.getKey();
            int dot = key.indexOf('.');
            String id = dot < 0 ? key : key.substring(0, dot);
            if (!factories.containsKey(id) || dot < 0) {
                throw new IllegalArgumentException("unknown detector setting '" + key + "'; detectors: " + ids());
            }
            byDetector.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(key.substring(dot + 1), e.getValue());
        }
        List<Detector<?>> detectors = new ArrayList<>();
        for (var f : factories.values()) {
            Map<String, String> own = new LinkedHashMap<>(byDetector.getOrDefault(f.id(), Map.of()));
            if (!enabled(f.id(), own.remove(ENABLED))) {
                continue;
            }
            detectors.add(createOne(f, own));
        }
        return detectors;
    }

    /**
     * One detector's settings at their defaults, as name → the text {@link #create} accepts for it
     * ({@code enabled} first, then the config record's components in declaration order).
     *
     * @throws IllegalArgumentException when no detector has that id
     */
    public Map<String, String> defaultSettings(String detectorId) {
        DetectorFactory<?> f = factory(detectorId);
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(ENABLED, "true");
        defaults.putAll(ConfigBinder.describe(f.defaultConfig()));
        return defaults;
    }

    /**
     * Checks one detector's settings (names without the {@code <id>.} prefix, {@code enabled} allowed)
     * exactly as {@link #create} would bind them, without creating anything.
     *
     * @throws IllegalArgumentException naming the unknown setting or the bad value, or the unknown detector
     */
    public void validate(String detectorId, Map<String, String> settings) {
        DetectorFactory<?> f = factory(detectorId);
        Map<String, String> own = new LinkedHashMap<>(settings);
        enabled(f.id(), own.remove(ENABLED));
        bind(f, own);
    }

    private DetectorFactory<?> factory(String detectorId) {
        DetectorFactory<?> f = factories.get(detectorId);
        if (f == null) {
            throw new IllegalArgumentException("unknown detector '" + detectorId + "'; detectors: " + ids());
        }
        return f;
    }

    private static boolean enabled(String detectorId, String value) {
        if (value != null && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("bad value for " + detectorId + "." + ENABLED + ": '" + value
                    + "' (expected true or false)");
        }
        return !"false".equalsIgnoreCase(value);
    }

    private static <C extends Record> C bind(DetectorFactory<C> f, Map<String, String> settings) {
        return ConfigBinder.bind(f.configType(), f.defaultConfig(), settings, f.id() + ".");
    }

    private static <C extends Record> Detector<?> createOne(DetectorFactory<C> f, Map<String, String> settings) {
        return f.create(bind(f, settings));
    }
}
