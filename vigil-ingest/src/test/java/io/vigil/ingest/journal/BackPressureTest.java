package io.vigil.ingest.journal;

import static io.vigil.ingest.journal.JournalTestSupport.config;
import static io.vigil.ingest.journal.JournalTestSupport.corruptionLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackPressureTest {

    private static final int RECORD = 1000;
    private static final long FRAME = RecordFrame.frameBytes(RECORD);

    @TempDir
    Path dir;

    private JournalConfig bounded() {
        return config(dir, corruptionLog()).withSegmentBytes(4 * FRAME).withMaxUnconsumedBytes(10 * FRAME);
    }

    @Test
    void appendsFailFastOnceTheUnconsumedBoundIsReached() throws Exception {
        try (Journal journal = Journal.open(bounded())) {
            for (int i = 0; i < 10; i++) {
                journal.append(List.of(new byte[RECORD]));
            }
            assertThat(journal.unconsumedBytes()).isEqualTo(10 * FRAME);

            assertThatThrownBy(() -> journal.append(List.of(new byte[RECORD])))
                    .isInstanceOfSatisfying(JournalFullException.class, e -> {
                        assertThat(e.limit()).isEqualTo(JournalFullException.Limit.UNCONSUMED_BYTES);
                        assertThat(e.limitBytes()).isEqualTo(10 * FRAME);
                        assertThat(e.usedBytes()).isEqualTo(11 * FRAME);
                    });
            assertThat(journal.nextPosition()).as("nothing of a refused append is written").isEqualTo(10);
            assertThat(journal.stats().rejected()).isEqualTo(1);
        }
    }

    @Test
    void markingRecordsConsumedMakesRoomAgain() throws Exception {
        try (Journal journal = Journal.open(bounded())) {
            for (int i = 0; i < 10; i++) {
                journal.append(List.of(new byte[RECORD]));
            }
            journal.markConsumed(4);
            assertThat(journal.unconsumedBytes()).isEqualTo(6 * FRAME);

            for (int i = 0; i < 4; i++) {
                journal.append(List.of(new byte[RECORD]));
            }
            assertThatThrownBy(() -> journal.append(List.of(new byte[RECORD]))).isInstanceOf(JournalFullException.class);

            journal.markConsumed(2);
            assertThat(journal.unconsumedBytes()).as("the mark never moves back").isEqualTo(10 * FRAME);
        }
    }

    @Test
    void theConsumedMarkIsRoundedDownSoTheBoundIsNeverExceeded() throws Exception {
        try (Journal journal = Journal.open(bounded())) {
            for (int i = 0; i < 10; i++) {
                journal.append(List.of(new byte[RECORD]));
            }
            journal.markConsumed(6);
            assertThat(journal.unconsumedBytes()).isBetween(4 * FRAME, 6 * FRAME);
        }
    }

    @Test
    void truncatingAlsoCountsAsConsumed() throws Exception {
        try (Journal journal = Journal.open(bounded())) {
            for (int i = 0; i < 10; i++) {
                journal.append(List.of(new byte[RECORD]));
            }
            journal.truncateBefore(8);
            assertThat(journal.firstPosition()).isEqualTo(8);
            assertThat(journal.unconsumedBytes()).isEqualTo(2 * FRAME);
            journal.append(List.of(new byte[RECORD]));
        }
    }

    @Test
    void aBatchThatCouldNeverFitIsAnArgumentError() throws Exception {
        try (Journal journal = Journal.open(bounded())) {
            List<byte[]> tooMuch = Collections.nCopies(11, new byte[RECORD]);
            assertThatThrownBy(() -> journal.append(tooMuch)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void afterARestartEverythingRetainedCountsUntilTheConsumerSaysOtherwise() throws Exception {
        try (Journal journal = Journal.open(bounded())) {
            for (int i = 0; i < 10; i++) {
                journal.append(List.of(new byte[RECORD]));
            }
        }
        try (Journal journal = Journal.open(bounded())) {
            assertThat(journal.unconsumedBytes()).isEqualTo(10 * FRAME);
            assertThatThrownBy(() -> journal.append(List.of(new byte[RECORD]))).isInstanceOf(JournalFullException.class);
            journal.markConsumed(10);
            assertThat(journal.unconsumedBytes()).isZero();
        }
    }
}
