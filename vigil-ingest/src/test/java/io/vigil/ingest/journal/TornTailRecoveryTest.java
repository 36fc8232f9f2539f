package io.vigil.ingest.journal;

import static io.vigil.ingest.journal.JournalTestSupport.config;
import static io.vigil.ingest.journal.JournalTestSupport.corruptionLog;
import static io.vigil.ingest.journal.JournalTestSupport.payload;
import static io.vigil.ingest.journal.JournalTestSupport.payloads;
import static io.vigil.ingest.journal.JournalTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash in the middle of a write leaves a partial frame, possibly followed by junk; opening cuts it. */
class TornTailRecoveryTest {

    @TempDir
    Path dir;

    private final List<CorruptRegion> corruption = corruptionLog();

    @Test
    void aRecordCutInTheMiddleIsDroppedAndTheCompleteOnesKept() throws Exception {
        Path segment = writeRecords(20);
        long size = Files.size(segment);
        truncate(segment, size - 5);

        try (Journal journal = Journal.open(config(dir, corruption))) {
            assertThat(journal.recovery().records()).isEqualTo(19);
            assertThat(journal.recovery().tornTailBytes()).isEqualTo(RecordFrame.frameBytes(payload(19).length) - 5);
            assertThat(readAll(journal, 0)).extracting(JournalRecord::position)
                    .containsExactlyElementsOf(LongStream.range(0, 19).boxed().toList());
            assertThat(journal.append(List.of(payload(19)))).isEqualTo(new PositionRange(19, 1));
        }
        assertThat(corruption).as("a torn tail is not corruption").isEmpty();
        assertReopensWith(20);
    }

    @Test
    void aPartialHeaderFollowedByGarbageIsCut() throws Exception {
        Path segment = writeRecords(10);
        appendBytes(segment, new byte[] {0, 0, 0, 42, 1, 2, 3});
        appendBytes(segment, "some garbage after the partial header".getBytes());

        try (Journal journal = Journal.open(config(dir, corruption))) {
            assertThat(journal.recovery().records()).isEqualTo(10);
            assertThat(journal.recovery().tornTailBytes()).isEqualTo(7 + 37);
            journal.append(payloads(10, 5));
        }
        assertThat(corruption).isEmpty();
        assertReopensWith(15);
    }

    @Test
    void zerosAfterTheLastRecordAreCut() throws Exception {
        Path segment = writeRecords(3);
        appendBytes(segment, new byte[4096]);

        try (Journal journal = Journal.open(config(dir, corruption))) {
            assertThat(journal.recovery().records()).isEqualTo(3);
            assertThat(journal.recovery().tornTailBytes()).isEqualTo(4096);
        }
        assertReopensWith(3);
    }

    @Test
    void aSegmentTornBeforeItsFirstRecordIsReusedFromItsBasePosition() throws Exception {
        Path segment = writeRecords(1);
        truncate(segment, 10);

        try (Journal journal = Journal.open(config(dir, corruption))) {
            assertThat(journal.recovery().nextPosition()).isZero();
            assertThat(journal.append(List.of(payload(0)))).isEqualTo(new PositionRange(0, 1));
        }
        assertReopensWith(1);
    }

    private Path writeRecords(int count) throws Exception {
        try (Journal journal = Journal.open(config(dir, corruption))) {
            journal.append(payloads(0, count));
        }
        return SegmentFile.path(dir, 0);
    }

    private void assertReopensWith(int count) throws Exception {
        try (Journal journal = Journal.open(config(dir, corruption))) {
            assertThat(journal.recovery().tornTailBytes()).isZero();
            assertThat(readAll(journal, 0)).extracting(JournalTestSupport::text)
                    .containsExactlyElementsOf(payloads(0, count).stream().map(String::new).toList());
        }
        assertThat(corruption).isEmpty();
    }

    static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    static void appendBytes(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(bytes));
        }
    }
}
