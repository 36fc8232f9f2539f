package io.vigil.server.siem;

import io.vigil.integrations.siem.AlertChange;
import io.vigil.integrations.siem.ExportRecord;
import io.vigil.store.outbox.OutboxEntry;
import io.vigil.store.outbox.OutboxRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Reads a worker's batches from the outbox as export records. While one batch is being sent, the
 * next can be read on a thread of its own ({@link #readAhead}): reading (most of it parsing the
 * stored alerts) then overlaps the SIEM call instead of following it. A read-ahead batch is only
 * handed out if the worker asks for exactly the rows after the ones it was read behind, that is when
 * the SIEM took the whole batch; otherwise it is dropped and the rows are read again from the cursor.
 */
final class BatchReader {

    /** Rows in outbox order, with their sequences. */
    record Batch(List<ExportRecord> records, long[] seqs) {

        boolean isEmpty() {
            return records.isEmpty();
        }

        /** The sequence of the {@code count}-th row (from 1). */
        long seqOfRow(int count) {
            return seqs[count - 1];
        }

        long lastSeq() {
            return seqs[seqs.length - 1];
        }
    }

    private static final long NONE = Long.MIN_VALUE;

    private final OutboxRepository outbox;
    private final int size;
    private final ThreadPoolExecutor readAheadThread;
    private long readAheadAfter = NONE;
    private Future<Batch> readAhead;

    BatchReader(OutboxRepository outbox, int size, String exporterId) {
        this.outbox = outbox;
        this.size = size;
        // one thread that ends itself when the worker is idle or gone, so nobody has to close it
        this.readAheadThread = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "vigil-siem-" + exporterId + "-read");
            t.setDaemon(true);
            return t;
        });
        readAheadThread.allowCoreThreadTimeOut(true);
    }

    /** The first rows after sequence {@code seq}: the read-ahead batch when it starts there, else a read now. */
    Batch after(long seq) {
        Future<Batch> ahead = readAhead;
        boolean usable = ahead != null && readAheadAfter == seq;
        readAhead = null;
        readAheadAfter = NONE;
        return usable ? await(ahead) : read(seq);
    }

    /** Starts reading the rows after {@code seq} for the next {@link #after} call. */
    void readAhead(long seq) {
        readAheadAfter = seq;
        readAhead = readAheadThread.submit(() -> read(seq));
    }

    /** Whether the batch was as large as asked for, so more rows are probably waiting. */
    boolean full(Batch batch) {
        return batch.records().size() >= size;
    }

    private Batch read(long seq) {
        List<OutboxEntry> entries = outbox.after(seq, size);
        List<ExportRecord> records = new ArrayList<>(entries.size());
        long[] seqs = new long[entries.size()];
        for (int i = 0; i < seqs.length; i++) {
            OutboxEntry entry = entries.get(i);
            records.add(new ExportRecord(ExportRecord.rowId(entry.alert().id(), entry.seq()), entry.alert(),
                    AlertChange.valueOf(entry.change().name()), entry.createdAt()));
            seqs[i] = entry.seq();
        }
        return new Batch(records, seqs);
    }

    private static Batch await(Future<Batch> ahead) {
        try {
            return ahead.get();
        } catch (InterruptedException e) {
            ahead.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the outbox", e);
        } catch (ExecutionException e) {
            // the read failed as a direct read would have: the worker treats it as the database being unavailable
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("reading the outbox failed", e.getCause());
        }
    }
}
