package io.vigil.detection.spi;

/**
 * Creates a detector from its typed configuration. Factories are found through
 * {@link java.util.ServiceLoader}, the same way for built-ins and for third-party plug-ins; the
 * configuration is a record whose components are bound from {@code <id>.<component>=value} settings.
 *
 * @param <C> the configuration record
 */
public interface DetectorFactory<C extends Record> {

    /** The detector id; settings for it are prefixed with this id and a dot. */
    String id();

    Class<C> configType();

    C defaultConfig();

    Detector<?> create(C config);
}
