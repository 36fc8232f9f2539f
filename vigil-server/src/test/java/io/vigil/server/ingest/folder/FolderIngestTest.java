package io.vigil.server.ingest.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.ingest.testsupport.Corpus;
import io.vigil.server.metrics.RunningServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files dropped into the inbox of start-dev are journaled once and moved to processed/ or failed/. */
class FolderIngestTest {

    private static final String PLAYBOOK =
            "security-datasets/datasets/atomic/windows/lateral_movement/host/purplesharp_ad_playbook_I.zip";

    @TempDir
    static Path dataDir;

    static RunningServer server;
    static Path inbox;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir, Map.of());
        inbox = server.bean(FolderWatcher.class).folder();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void startDevWatchesTheInboxInTheDataFolder() {
        assertThat(inbox).isEqualTo(dataDir.resolve("inbox"));
    }

    @Test
    void aZippedRecordingIsIngestedOnceAndMovedToProcessed() throws Exception {
        double before = events();
        Files.copy(Corpus.file(PLAYBOOK), inbox.resolve("playbook.zip"));
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(inbox.resolve("processed/playbook.zip")));
        assertThat(inbox.resolve("playbook.zip")).doesNotExist();
        assertThat(events() - before).isEqualTo(25_993);
        assertThat(server.count("vigil.ingest.batches", "source", "folder")).isPositive();
    }

    @Test
    void aFileStillBeingWrittenAsPartWaitsForItsRename() throws Exception {
        double before = events();
        Path partial = inbox.resolve("events.json.part");
        String line = "{\"EventID\":4769,\"Channel\":\"Security\",\"SourceName\":\"Microsoft-Windows-Security-Auditing\","
                + "\"Hostname\":\"dc01\",\"@timestamp\":\"2020-10-22T08:29:48.785Z\",\"TargetUserName\":\"a\"}\n";
        try (OutputStream out = Files.newOutputStream(partial)) {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(3 * FolderWatcher.POLL.toMillis()); // longer than the stability check
            assertThat(events()).isEqualTo(before);
            out.write(line.getBytes(StandardCharsets.UTF_8));
        }
        Files.move(partial, inbox.resolve("events.json"), StandardCopyOption.ATOMIC_MOVE);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("processed/events.json")));
        assertThat(events() - before).isEqualTo(2);
    }

    @Test
    void aFileWithoutEventsGoesToFailedWithItsReason() throws IOException {
        Files.writeString(inbox.resolve("notes.txt"), "this is not an event log\n");
        Files.writeString(inbox.resolve(".hidden"), "ignored\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("failed/notes.txt")));
        assertThat(Files.readString(inbox.resolve("failed/notes.txt.error.txt"))).contains("not an event log");
        assertThat(inbox.resolve(".hidden")).exists();
        assertThat(server.count("vigil.ingest.refused", "source", "folder", "reason", "malformed")).isEqualTo(1);
    }

    private static double events() {
        return server.count("vigil.ingest.events", "source", "folder");
    }
}
