package io.vigil.ingest.journal;

import static io.vigil.ingest.journal.JournalTestSupport.config;
import static io.vigil.ingest.journal.JournalTestSupport.corruptionLog;
import static io.vigil.ingest.journal.JournalTestSupport.payload;
import static io.vigil.ingest.journal.JournalTestSupport.payloads;
import static io.vigil.ingest.journal.JournalTestSupport.readAll;
import static io.vigil.ingest.journal.JournalTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalAppendReadTest {

    @TempDir
    Path dir;

    private final List<CorruptRegion> corruption = corruptionLog();

    @Test
    void appendsGetContiguousPositionsAndReadBackInOrder() throws Exception {
        try (Journal journal = Journal.open(config(dir, corruption))) {
            PositionRange first = journal.append(payloads(0, 3));
            PositionRange second = journal.append(payloads(3, 2));

            assertThat(first).isEqualTo(new PositionRange(0, 3));
            assertThat(second).isEqualTo(new PositionRange(3, 2));
            assertThat(journal.nextPosition()).isEqualTo(5);
            assertThat(readAll(journal, 0)).extracting(JournalRecord::position).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(readAll(journal, 0)).extracting(JournalTestSupport::text)
                    .containsExactly("record-0-", "record-1-x", "record-2-xx", "record-3-xxx", "record-4-xxxx");
        }
        assertThat(corruption).isEmpty();
    }

    @Test
    void aReaderStartsAtAnyPosition() throws Exception {
        try (Journal journal = Journal.open(config(dir, corruption).withSegmentBytes(4096))) {
            for (int i = 0; i < 500; i += 50) {
                journal.append(payloads(i, 50));
            }
            for (long from : new long[] {0, 1, 137, 299, 499, 500}) {
                assertThat(readAll(journal, from)).extracting(JournalRecord::position)
                        .containsExactlyElementsOf(LongStream.range(from, 500).boxed().toList());
            }
        }
    }

    @Test
    void recordsSurviveAReopenAndPositionsContinue() throws Exception {
        try (Journal journal = Journal.open(config(dir, corruption))) {
            journal.append(payloads(0, 10));
        }
        try (Journal journal = Journal.open(config(dir, corruption))) {
            assertThat(journal.recovery()).isEqualTo(new RecoveryReport(1, 10, 0, 0, 0, 10));
            assertThat(journal.append(List.of(payload(10)))).isEqualTo(new PositionRange(10, 1));
            assertThat(readAll(journal, 0)).extracting(JournalTestSupport::text)
                    .containsExactlyElementsOf(payloads(0, 11).stream().map(String::new).toList());
        }
    }

    @Test
    void aTailingReaderWaitsForTheNextCommit() throws Exception {
        try (Journal journal = Journal.open(config(dir, corruption));
             JournalReader reader = journal.reader(0)) {
            assertThat(reader.poll(Duration.ofMillis(20))).isNull();

            CompletableFuture<JournalRecord> polled = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.poll(Duration.ofSeconds(10));
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(50);
            journal.append(List.of(payload(0)));

            JournalRecord record = polled.get(10, TimeUnit.SECONDS);
            assertThat(record.position()).isZero();
            assertThat(text(record)).isEqualTo("record-0-");
            assertThat(reader.position()).isEqualTo(1);
        }
    }

    @Test
    void emptyPayloadsAndEmptyAppendsAreFine() throws Exception {
        try (Journal journal = Journal.open(config(dir, corruption))) {
            assertThat(journal.append(List.of())).isEqualTo(new PositionRange(0, 0));
            assertThat(journal.append(List.of(new byte[0], new byte[0]))).isEqualTo(new PositionRange(0, 2));
            assertThat(readAll(journal, 0)).extracting(r -> r.payload().length).containsExactly(0, 0);
        }
    }

    @Test
    void aRecordLargerThanTheMaximumIsRefusedWithoutWritingAnything() throws Exception {
        try (Journal journal = Journal.open(config(dir, corruption).withMaxRecordBytes(100))) {
            assertThatThrownBy(() -> journal.append(List.of(payload(1), new byte[101])))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("101 bytes");
            assertThat(journal.nextPosition()).isZero();
        }
    }

    @Test
    void aRecordLargerThanTheWriteBufferIsWrittenWhole() throws Exception {
        byte[] big = new byte[3 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        try (Journal journal = Journal.open(config(dir, corruption).withSegmentBytes(1 << 20))) {
            journal.append(List.of(payload(0), big, payload(2)));
        }
        try (Journal journal = Journal.open(config(dir, corruption).withSegmentBytes(1 << 20))) {
            List<JournalRecord> records = readAll(journal, 0);
            assertThat(records).hasSize(3);
            assertThat(records.get(1).payload()).isEqualTo(big);
        }
        assertThat(corruption).isEmpty();
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefused() throws Exception {
        try (Journal journal = Journal.open(config(dir, corruption))) {
            assertThatThrownBy(() -> Journal.open(config(dir, corruption)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("already open");
            assertThat(journal.append(List.of(payload(0)))).as("the first one is unaffected").isEqualTo(new PositionRange(0, 1));
        }
    }

    @Test
    void readingFromATruncatedOrFuturePositionIsAnError() throws Exception {
        try (Journal journal = Journal.open(config(dir, corruption))) {
            journal.append(payloads(0, 3));
            assertThatThrownBy(() -> journal.reader(4)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("past the end");
            assertThatThrownBy(() -> journal.reader(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void appendsAfterCloseAreRefused() throws Exception {
        Journal journal = Journal.open(config(dir, corruption));
        journal.close();
        assertThatThrownBy(() -> journal.append(List.of(payload(0)))).isInstanceOf(IllegalStateException.class);
    }
}
