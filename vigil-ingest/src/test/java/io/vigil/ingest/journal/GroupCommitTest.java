package io.vigil.ingest.journal;

import static io.vigil.ingest.journal.JournalTestSupport.config;
import static io.vigil.ingest.journal.JournalTestSupport.corruptionLog;
import static io.vigil.ingest.journal.JournalTestSupport.payload;
import static io.vigil.ingest.journal.JournalTestSupport.readAll;
import static io.vigil.ingest.journal.JournalTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    private static final int THREADS = 16;
    private static final int APPENDS_PER_THREAD = 200;

    @TempDir
    Path dir;

    @Test
    void concurrentAppendsGetUniqueGapFreePositionsAndShareFlushes() throws Exception {
        List<CorruptRegion> corruption = corruptionLog();
        Map<Long, Long> numberByPosition = new ConcurrentHashMap<>();
        try (Journal journal = Journal.open(config(dir, corruption).withSegmentBytes(64 << 10))) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                        long n = (long) thread * APPENDS_PER_THREAD + i;
                        int count = 1 + (int) (n % 3);
                        List<byte[]> batch = new ArrayList<>();
                        for (int k = 0; k < count; k++) {
                            batch.add(payload(n * 10 + k));
                        }
                        PositionRange range = journal.append(batch);
                        assertThat(range.count()).isEqualTo(count);
                        for (int k = 0; k < count; k++) {
                            assertThat(numberByPosition.put(range.positionOf(k), n * 10 + k)).isNull();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();

            long total = numberByPosition.size();
            assertThat(numberByPosition.keySet()).containsExactlyInAnyOrderElementsOf(
                    LongStream.range(0, total).boxed().toList());
            assertThat(journal.nextPosition()).isEqualTo(total);
            JournalStats stats = journal.stats();
            assertThat(stats.appends()).isEqualTo(THREADS * APPENDS_PER_THREAD);
            assertThat(stats.records()).isEqualTo(total);
            assertThat(stats.groupCommits()).isLessThan(stats.appends());

            List<JournalRecord> records = readAll(journal, 0);
            assertThat(records).extracting(JournalRecord::position)
                    .containsExactlyElementsOf(LongStream.range(0, total).boxed().toList());
            for (JournalRecord record : records) {
                assertThat(text(record)).isEqualTo(new String(payload(numberByPosition.get(record.position()))));
            }
        }
        assertThat(corruption).isEmpty();
    }
}
