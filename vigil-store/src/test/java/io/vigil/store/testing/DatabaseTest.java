package io.vigil.store.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs twice, on H2 and on real PostgreSQL, each time on a fresh database of its own.
 * It may take a {@link io.vigil.store.VigilDatabase} (migrated database), a {@link javax.sql.DataSource}
 * (the same database; an empty one when no VigilDatabase is asked for) and a
 * {@link io.vigil.store.DatabaseKind}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(OnBothDatabases.class)
public @interface DatabaseTest {
}
