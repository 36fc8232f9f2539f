package io.vigil.server.ingest;

import io.vigil.ingest.journal.Journal;
import io.vigil.ingest.journal.JournalConfig;
import io.vigil.server.config.ServerConfig;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The durable journal received events are written to before they are acknowledged. */
@Configuration(proxyBeanMethods = false)
class IngestJournalConfiguration {

    /**
     * The journal's settings. {@code vigil.journal.max-unconsumed-bytes} is a Spring property, not a
     * server setting: tests shrink the back-pressure bound with it to reach "journal full" quickly.
     */
    @Bean
    JournalConfig ingestJournalConfig(ServerConfig config,
            @Value("${vigil.journal.max-unconsumed-bytes:" + JournalConfig.DEFAULT_MAX_UNCONSUMED_BYTES + "}")
            long maxUnconsumedBytes) {
        return JournalConfig.defaults(config.dataDir().resolve("journal")).withMaxUnconsumedBytes(maxUnconsumedBytes);
    }

    @Bean(destroyMethod = "close")
    Journal ingestJournal(JournalConfig journalConfig) throws IOException {
        return Journal.open(journalConfig);
    }
}
