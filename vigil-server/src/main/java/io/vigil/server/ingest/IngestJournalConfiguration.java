package io.vigil.server.ingest;

import io.vigil.ingest.journal.Journal;
import io.vigil.ingest.journal.JournalConfig;
import io.vigil.server.config.ServerConfig;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The durable journal received events are written to before they are acknowledged. */
@Configuration(proxyBeanMethods = false)
class IngestJournalConfiguration {

    @Bean(destroyMethod = "close")
    Journal ingestJournal(ServerConfig config) throws IOException {
        return Journal.open(JournalConfig.defaults(config.dataDir().resolve("journal")));
    }
}
