package io.vigil.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes the one {@link VigilWorld} and {@link Browser} of the test run: starting the
 * world (directory and vault sync, OTRF ingest, detection) takes most of a minute, so every browser
 * test shares it, and JUnit closes both when the run ends.
 */
public final class RunningWorld implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == VigilWorld.class || type == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(RunningWorld.class));
        VigilWorld world = store.computeIfAbsent(VigilWorld.class, type -> startWorld(), VigilWorld.class);
        if (parameter.getParameter().getType() == VigilWorld.class) {
            return world;
        }
        return store.computeIfAbsent(Browser.class, type -> new Browser(world.url()), Browser.class);
    }

    private static VigilWorld startWorld() {
        try {
            return VigilWorld.start();
        } catch (Exception e) {
            throw new IllegalStateException("the Vigil world for the browser tests did not start", e);
        }
    }
}
