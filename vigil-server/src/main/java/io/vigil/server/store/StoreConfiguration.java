package io.vigil.server.store;

import io.vigil.store.VigilDatabase;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database, migrated to the current schema before anything uses it. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    VigilDatabase vigilDatabase(DataSource dataSource) {
        VigilDatabase.migrate(dataSource);
        return VigilDatabase.open(dataSource);
    }
}
