package io.vigil.ingest.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/** Payloads that carry their own number, and helpers to read a journal back. */
final class JournalTestSupport {

    private JournalTestSupport() {
    }

    /** A payload that names {@code n} and has a length that varies with it, so mix-ups show. */
    static byte[] payload(long n) {
        return ("record-" + n + "-" + "x".repeat((int) (n % 37))).getBytes(StandardCharsets.UTF_8);
    }

    static List<byte[]> payloads(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(JournalTestSupport::payload).toList();
    }

    static String text(JournalRecord record) {
        return new String(record.payload(), StandardCharsets.UTF_8);
    }

    /** Every durable record from {@code from} on. */
    static List<JournalRecord> readAll(Journal journal, long from) throws IOException, InterruptedException {
        List<JournalRecord> records = new ArrayList<>();
        try (JournalReader reader = journal.reader(from)) {
            List<JournalRecord> batch;
            while (!(batch = reader.poll(1000, Duration.ZERO)).isEmpty()) {
                records.addAll(batch);
            }
        }
        return records;
    }

    static JournalConfig config(Path directory, List<CorruptRegion> corruption) {
        return JournalConfig.defaults(directory).withCorruptionListener(corruption::add);
    }

    static List<CorruptRegion> corruptionLog() {
        return new CopyOnWriteArrayList<>();
    }
}
