package io.vigil.ingest.journal;

import static io.vigil.ingest.journal.JournalTestSupport.config;
import static io.vigil.ingest.journal.JournalTestSupport.corruptionLog;
import static io.vigil.ingest.journal.JournalTestSupport.payload;
import static io.vigil.ingest.journal.JournalTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM appends and prints what was acknowledged; it is killed hard (SIGKILL) in the middle of
 * appending. Every acknowledged record must be there, intact, after the journal is reopened, and
 * nothing corrupt may be returned. Done twice, so the second child also appends after a recovery.
 */
class KillNineTest {

    private static final int ACKS_BEFORE_KILL = 3000;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedRecordSurvivesKillMinusNine() throws Exception {
        Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
        Path journalDir = dir.resolve("journal");

        runAndKill(journalDir, 0, acknowledged);
        verify(journalDir, acknowledged);
        runAndKill(journalDir, 1_000_000, acknowledged);
        verify(journalDir, acknowledged);
    }

    private void runAndKill(Path journalDir, long firstNumber, Map<Long, Long> acknowledged) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, "-Xmx128m",
                JournalAppenderProcess.class.getName(), journalDir.toString(), Long.toString(firstNumber), "8")
                .redirectError(dir.resolve("child-" + firstNumber + ".err").toFile())
                .start();
        CountDownLatch enough = new CountDownLatch(ACKS_BEFORE_KILL);
        Thread collector = new Thread(() -> {
            try (Reader in = new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder();
                int c;
                // only newline-terminated lines count: the kill may cut the last one short
                while ((c = in.read()) >= 0) {
                    if (c != '\n') {
                        line.append((char) c);
                        continue;
                    }
                    String[] parts = line.toString().split(" ");
                    line.setLength(0);
                    if (parts.length == 2) {
                        acknowledged.put(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                        enough.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the stream breaks when the child dies
            }
        });
        collector.start();
        try {
            assertThat(enough.await(60, TimeUnit.SECONDS))
                    .as("child acknowledged %d records in time (alive: %s)", ACKS_BEFORE_KILL, child.isAlive())
                    .isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            collector.join(30_000);
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }

    private void verify(Path journalDir, Map<Long, Long> acknowledged) throws Exception {
        List<CorruptRegion> corruption = corruptionLog();
        try (Journal journal = Journal.open(config(journalDir, corruption))) {
            Map<Long, JournalRecord> stored = new HashMap<>();
            for (JournalRecord record : readAll(journal, 0)) {
                stored.put(record.position(), record);
                String text = new String(record.payload(), StandardCharsets.UTF_8);
                long number = Long.parseLong(text.substring("record-".length(), text.indexOf('-', "record-".length())));
                assertThat(record.payload()).as("record %d is intact", record.position()).isEqualTo(payload(number));
            }
            for (Map.Entry<Long, Long> ack : acknowledged.entrySet()) {
                assertThat(stored).as("acknowledged position %d", ack.getKey()).containsKey(ack.getKey());
                assertThat(stored.get(ack.getKey()).payload()).isEqualTo(payload(ack.getValue()));
            }
            assertThat(stored.size()).isGreaterThanOrEqualTo(acknowledged.size());
        }
        assertThat(corruption).isEmpty();
    }
}
