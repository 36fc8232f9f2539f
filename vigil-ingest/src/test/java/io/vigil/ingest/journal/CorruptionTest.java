package io.vigil.ingest.journal;

import static io.vigil.ingest.journal.JournalTestSupport.config;
import static io.vigil.ingest.journal.JournalTestSupport.corruptionLog;
import static io.vigil.ingest.journal.JournalTestSupport.payload;
import static io.vigil.ingest.journal.JournalTestSupport.payloads;
import static io.vigil.ingest.journal.JournalTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bit rot in the middle of the data: reported with file and offset, skipped, never returned. */
class CorruptionTest {

    @TempDir
    Path dir;

    private final List<CorruptRegion> corruption = corruptionLog();

    @Test
    void aFlippedPayloadBitIsReportedAndOnlyThatRecordIsLost() throws Exception {
        write(0, 30);
        Path segment = SegmentFile.path(dir, 0);
        long offset = frameOffset(12);
        flip(segment, offset + RecordFrame.HEADER_BYTES + 3);

        try (Journal journal = Journal.open(config(dir, corruption))) {
            assertThat(corruption).singleElement().satisfies(region -> {
                assertThat(region.file()).isEqualTo(segment);
                assertThat(region.offset()).isEqualTo(offset);
                assertThat(region.length()).isEqualTo(RecordFrame.frameBytes(payload(12).length));
                assertThat(region.reason()).contains("checksum");
                assertThat(region.firstLost()).isEqualTo(12);
                assertThat(region.resumePosition()).isEqualTo(13);
            });
            assertThat(journal.recovery().corruptRegions()).isEqualTo(1);
            assertThat(journal.recovery().tornTailBytes()).as("the damage is not at the tail").isZero();

            corruption.clear();
            assertThat(readAll(journal, 0)).extracting(JournalRecord::position)
                    .containsExactlyElementsOf(LongStream.range(0, 30).filter(p -> p != 12).boxed().toList());
            assertThat(corruption).as("the reader reports it too").hasSize(1);

            assertThat(journal.append(List.of(payload(30)))).isEqualTo(new PositionRange(30, 1));
        }
    }

    @Test
    void aCorruptLengthFieldDoesNotSendTheReaderAstray() throws Exception {
        write(0, 30);
        Path segment = SegmentFile.path(dir, 0);
        overwrite(segment, frameOffset(7), ByteBuffer.allocate(4).putInt(0, 1 << 30));

        try (Journal journal = Journal.open(config(dir, corruption))) {
            assertThat(corruption).singleElement().satisfies(region -> {
                assertThat(region.offset()).isEqualTo(frameOffset(7));
                assertThat(region.reason()).contains("length");
                assertThat(region.resumePosition()).isEqualTo(8);
            });
            assertThat(readAll(journal, 0)).extracting(JournalRecord::position)
                    .containsExactlyElementsOf(LongStream.range(0, 30).filter(p -> p != 7).boxed().toList());
        }
    }

    @Test
    void damageInAnOlderSegmentIsSkippedAndReadingGoesOnIntoTheNext() throws Exception {
        JournalConfig small = config(dir, corruption).withSegmentBytes(1024);
        try (Journal journal = Journal.open(small)) {
            journal.append(payloads(0, 100));
        }
        Path first = SegmentFile.path(dir, 0);
        // wipe the end of the first segment: its last records become one damaged region
        long size = Files.size(first);
        overwrite(first, size - 40, ByteBuffer.wrap(new byte[40]));

        try (Journal journal = Journal.open(small)) {
            assertThat(corruption).singleElement().satisfies(region -> {
                assertThat(region.file()).isEqualTo(first);
                assertThat(region.resumePosition()).as("runs to the end of the file").isEqualTo(-1);
            });
            assertThat(journal.recovery().tornTailBytes()).as("older segments are never cut").isZero();
            List<JournalRecord> records = readAll(journal, 0);
            long lost = 100 - records.size();
            assertThat(lost).isBetween(1L, 2L);
            assertThat(records.get(records.size() - 1).position()).isEqualTo(99);
        }
    }

    @Test
    void aSegmentFullOfGarbageEndsTheScanInsteadOfLooping() throws Exception {
        write(0, 2000);
        Path segment = SegmentFile.path(dir, 0);
        byte[] garbage = new byte[32 << 10];
        new Random(7).nextBytes(garbage);
        overwrite(segment, frameOffset(100), ByteBuffer.wrap(garbage));

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (Journal journal = Journal.open(config(dir, corruption))) {
                List<JournalRecord> records = readAll(journal, 0);
                assertThat(records).extracting(JournalRecord::position).startsWith(0L, 1L, 2L).endsWith(1999L);
                assertThat(records).allSatisfy(r -> assertThat(r.payload()).isEqualTo(payload(r.position())));
            }
        });
        assertThat(corruption).isNotEmpty().allSatisfy(region -> assertThat(region.file()).isEqualTo(segment));
    }

    private void write(int from, int count) throws Exception {
        try (Journal journal = Journal.open(config(dir, corruption))) {
            journal.append(payloads(from, count));
        }
    }

    /** Offset of record {@code n} in a single segment written from position 0. */
    private static long frameOffset(int n) {
        return LongStream.range(0, n).map(i -> RecordFrame.frameBytes(payload(i).length)).sum();
    }

    private static void flip(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x10));
            channel.write(one.rewind(), offset);
        }
    }

    private static void overwrite(Path file, long offset, ByteBuffer bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(bytes, offset);
        }
    }
}
