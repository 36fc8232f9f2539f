package io.vigil.ingest.journal;

import static io.vigil.ingest.journal.JournalTestSupport.config;
import static io.vigil.ingest.journal.JournalTestSupport.corruptionLog;
import static io.vigil.ingest.journal.JournalTestSupport.payloads;
import static io.vigil.ingest.journal.JournalTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotationAndTruncationTest {

    @TempDir
    Path dir;

    private final List<CorruptRegion> corruption = corruptionLog();

    @Test
    void segmentsRollBySizeAndAreNamedByTheirFirstPosition() throws Exception {
        try (Journal journal = Journal.open(config(dir, corruption).withSegmentBytes(1024))) {
            for (int i = 0; i < 200; i += 20) {
                journal.append(payloads(i, 20));
            }
            List<Long> bases = SegmentFile.list(dir);
            assertThat(bases).hasSizeGreaterThan(5).startsWith(0L).isSorted();
            for (long base : bases) {
                assertThat(Files.size(SegmentFile.path(dir, base))).isLessThanOrEqualTo(1024);
                assertThat(readAll(journal, base).get(0).position()).isEqualTo(base);
            }
            assertThat(readAll(journal, 0)).extracting(JournalRecord::position)
                    .containsExactlyElementsOf(LongStream.range(0, 200).boxed().toList());
        }
        try (Journal journal = Journal.open(config(dir, corruption).withSegmentBytes(1024))) {
            assertThat(journal.recovery().records()).isEqualTo(200);
            assertThat(journal.recovery().tornTailBytes()).isZero();
            assertThat(readAll(journal, 0)).hasSize(200);
        }
        assertThat(corruption).isEmpty();
    }

    @Test
    void aTailingReaderFollowsIntoNewSegments() throws Exception {
        try (Journal journal = Journal.open(config(dir, corruption).withSegmentBytes(512));
             JournalReader reader = journal.reader(0)) {
            for (int i = 0; i < 100; i++) {
                journal.append(payloads(i, 1));
                JournalRecord record = reader.poll(Duration.ofSeconds(5));
                assertThat(record.position()).isEqualTo(i);
            }
            assertThat(SegmentFile.list(dir)).hasSizeGreaterThan(3);
        }
    }

    @Test
    void truncateBeforeDeletesOnlyWholeSegmentsBeforeThePosition() throws Exception {
        try (Journal journal = Journal.open(config(dir, corruption).withSegmentBytes(1024))) {
            journal.append(payloads(0, 200));
            List<Long> bases = SegmentFile.list(dir);
            long keep = bases.get(3) + 1;

            assertThat(journal.truncateBefore(keep)).isEqualTo(3);

            assertThat(SegmentFile.list(dir)).containsExactlyElementsOf(bases.subList(3, bases.size()));
            assertThat(journal.firstPosition()).isEqualTo(bases.get(3));
            assertThat(readAll(journal, keep).get(0).position()).isEqualTo(keep);
            assertThatThrownBy(() -> journal.reader(bases.get(3) - 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        }
        try (Journal journal = Journal.open(config(dir, corruption).withSegmentBytes(1024))) {
            assertThat(journal.firstPosition()).isPositive();
            assertThat(journal.nextPosition()).isEqualTo(200);
        }
    }

    @Test
    void theSegmentBeingWrittenIsNeverDeleted() throws Exception {
        try (Journal journal = Journal.open(config(dir, corruption).withSegmentBytes(1024))) {
            journal.append(payloads(0, 200));
            journal.truncateBefore(200);

            assertThat(SegmentFile.list(dir)).hasSize(1);
            assertThat(journal.append(payloads(200, 1))).isEqualTo(new PositionRange(200, 1));
            assertThat(readAll(journal, journal.firstPosition())).last()
                    .extracting(JournalRecord::position).isEqualTo(200L);
            assertThatThrownBy(() -> journal.truncateBefore(202)).isInstanceOf(IllegalArgumentException.class);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".log")))
                    .hasSize(1);
        }
    }
}
