package io.vigil.server.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.ingest.journal.IngestBatch;
import io.vigil.ingest.journal.IngestBatchCodec;
import io.vigil.ingest.journal.Journal;
import io.vigil.server.VigilServer;
import io.vigil.server.config.ResolvedSettings;
import io.vigil.server.config.ServerConfig;
import io.vigil.server.config.ServerSetting;
import io.vigil.server.detectors.DetectorSettingsChanged;
import io.vigil.store.PageRequest;
import io.vigil.store.VigilDatabase;
import io.vigil.store.alerts.AlertFilter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Changed detector settings rebuild the live engine and are applied to the retained journal too. */
class SettingsReloadTest {

    @TempDir
    Path dataDir;

    private static byte[] roasting() {
        StringBuilder lines = new StringBuilder();
        for (int service = 0; service < 3; service++) {
            lines.append("{\"EventID\":4769,\"Channel\":\"Security\",\"Hostname\":\"DC01.corp.local\",")
                    .append("\"@timestamp\":\"2026-03-01T10:00:0").append(service).append(".000Z\",")
                    .append("\"TargetUserName\":\"mallory@CORP.LOCAL\",\"ServiceName\":\"svc_").append(service)
                    .append("\",\"TicketEncryptionType\":\"0x17\",\"Status\":\"0x0\",\"IpAddress\":\"10.9.9.9\"}\n");
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void reEnablingADetectorFindsWhatItMissedInTheJournal() throws Exception {
        ServerConfig config = ServerConfig.of(ServerConfig.Mode.DEVELOPMENT, ResolvedSettings.resolve(
                Map.of(ServerSetting.HTTP_PORT, "0", ServerSetting.DATA_DIR, dataDir.toString()), Map.of(), null));
        try (ConfigurableApplicationContext server = VigilServer.run(config)) {
            VigilDatabase database = server.getBean(VigilDatabase.class);
            DetectionLoop loop = server.getBean(DetectionLoop.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> loop.generation() == 1);
            database.detectorSettings().put("kerberoasting", "enabled", "false", "test");
            server.publishEvent(new DetectorSettingsChanged("kerberoasting"));
            await().atMost(Duration.ofSeconds(30)).until(() -> loop.generation() == 2);

            long position = server.getBean(Journal.class).append(List.of(IngestBatchCodec.encode(
                    new IngestBatch("test", "application/x-ndjson", Instant.now(), roasting())))).first();
            await().atMost(Duration.ofSeconds(30)).until(() -> loop.processedPosition() >= position);
            Thread.sleep(500);
            assertThat(database.alerts().find(AlertFilter.any(), PageRequest.of(0, 10)).total()).isZero();

            database.detectorSettings().put("kerberoasting", "enabled", "true", "test");
            server.publishEvent(new DetectorSettingsChanged("kerberoasting"));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    database.alerts().find(AlertFilter.any(), PageRequest.of(0, 10)).total() == 1);
        }
    }
}
