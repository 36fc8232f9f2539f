package io.vigil.store.testing;

import io.vigil.store.DatabaseKind;
import io.vigil.store.VigilDatabase;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Runs each {@link DatabaseTest} once per database kind, resolving its database parameters. */
final class OnBothDatabases implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OnBothDatabases.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(DatabaseTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(DatabaseKind.values()).map(kind -> new Invocation(DatabaseEngine.of(kind)));
    }

    private record Invocation(DatabaseEngine engine) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + engine.kind().name().toLowerCase(java.util.Locale.ROOT) + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new DatabaseParameters(engine));
        }
    }

    private record DatabaseParameters(DatabaseEngine engine) implements ParameterResolver {

        private static final List<Class<?>> SUPPORTED = List.of(VigilDatabase.class, DataSource.class, DatabaseKind.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return SUPPORTED.contains(parameter.getParameter().getType());
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            if (type == DatabaseKind.class) {
                return engine.kind();
            }
            TestDatabase database = context.getStore(NAMESPACE).computeIfAbsent(TestDatabase.class,
                    key -> engine.create(wantsMigratedDatabase(parameter), context.getRoot().getStore(NAMESPACE)),
                    TestDatabase.class);
            return type == DataSource.class ? database.dataSource() : VigilDatabase.open(database.dataSource());
        }

        private static boolean wantsMigratedDatabase(ParameterContext parameter) {
            return Arrays.stream(parameter.getDeclaringExecutable().getParameterTypes()).anyMatch(VigilDatabase.class::equals);
        }
    }
}
