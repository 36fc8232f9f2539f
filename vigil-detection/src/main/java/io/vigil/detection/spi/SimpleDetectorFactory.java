package io.vigil.detection.spi;

import java.util.Objects;
import java.util.function.Function;

/**
 * A factory that is nothing but its id, its configuration type with defaults, and a constructor:
 * {@code public MyFactory() { super("my-id", MyConfig.class, MyConfig.DEFAULTS, MyDetector::new); }}.
 * Subclasses need the public no-argument constructor {@link java.util.ServiceLoader} calls.
 */
public abstract class SimpleDetectorFactory<C extends Record> implements DetectorFactory<C> {

    private final String id;
    private final Class<C> configType;
    private final C defaults;
    private final Function<C, ? extends Detector<?>> constructor;

    protected SimpleDetectorFactory(String id, Class<C> configType, C defaults,
                                    Function<C, ? extends Detector<?>> constructor) {
        this.id = Objects.requireNonNull(id, "id");
        this.configType = Objects.requireNonNull(configType, "configType");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.constructor = Objects.requireNonNull(constructor, "constructor");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Class<C> configType() {
        return configType;
    }

    @Override
    public final C defaultConfig() {
        return defaults;
    }

    @Override
    public final Detector<?> create(C config) {
        return constructor.apply(config);
    }
}
