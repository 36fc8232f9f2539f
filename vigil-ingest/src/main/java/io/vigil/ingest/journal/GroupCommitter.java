package io.vigil.ingest.journal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The single writer thread. Appenders queue their batches and wait; the thread takes everything that
 * queued up while the previous flush was running, writes it as one group and forces it once, then
 * completes every waiting append. The slower the disk, the larger the groups, so the number of
 * flushes per second stays near what the disk can do while the records per flush grow with load.
 *
 * <p>After a failed write or flush the journal stops accepting appends for good: once
 * {@code fdatasync} has failed, Linux may have dropped the dirty pages and a retry can report
 * success for data that never reached the disk, so the only safe recovery is to reopen the journal,
 * which rescans the files.
 */
final class GroupCommitter implements AutoCloseable {

    private record Pending(List<byte[]> payloads, long bytes, CompletableFuture<PositionRange> result) {
    }

    private static final Pending STOP = new Pending(List.of(), 0, null);

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final SegmentWriter writer;
    private final Capacity capacity;
    private final Thread thread;
    private boolean closed;
    private volatile Throwable failure;
    // written by the writer thread only, read by anyone: volatile is enough
    private volatile long appends;
    private volatile long records;
    private volatile long bytes;
    private volatile long groups;

    GroupCommitter(SegmentWriter writer, Capacity capacity, String threadName) {
        this.writer = writer;
        this.capacity = capacity;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a batch whose bytes the caller has already reserved in {@link Capacity}. */
    synchronized CompletableFuture<PositionRange> submit(List<byte[]> payloads, long frameBytes) {
        if (closed) {
            throw new IllegalStateException("the journal is closed");
        }
        CompletableFuture<PositionRange> result = new CompletableFuture<>();
        Throwable failed = failure;
        if (failed != null) {
            result.completeExceptionally(failedJournal(failed));
        } else {
            queue.add(new Pending(payloads, frameBytes, result));
        }
        return result;
    }

    JournalStats stats(long rejected) {
        return new JournalStats(appends, records, bytes, groups, rejected);
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                continue;
            }
            queue.drainTo(group);
            stopping = group.remove(STOP);
            commit(group);
            group.clear();
        }
    }

    private void commit(List<Pending> group) {
        if (group.isEmpty()) {
            return;
        }
        long groupBytes = group.stream().mapToLong(Pending::bytes).sum();
        if (failure != null) {
            fail(group, groupBytes, failure);
            return;
        }
        PositionRange[] ranges = new PositionRange[group.size()];
        long groupRecords = 0;
        try {
            for (int i = 0; i < ranges.length; i++) {
                List<byte[]> payloads = group.get(i).payloads();
                long first = writer.nextPosition();
                for (byte[] payload : payloads) {
                    writer.append(payload);
                }
                ranges[i] = new PositionRange(first, payloads.size());
                groupRecords += payloads.size();
            }
            writer.commit();
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            fail(group, groupBytes, e);
            return;
        }
        capacity.release(groupBytes);
        appends += group.size();
        records += groupRecords;
        bytes += groupBytes;
        groups++;
        for (int i = 0; i < ranges.length; i++) {
            group.get(i).result().complete(ranges[i]);
        }
    }

    private void fail(List<Pending> group, long groupBytes, Throwable cause) {
        capacity.release(groupBytes);
        IOException error = failedJournal(cause);
        group.forEach(p -> p.result().completeExceptionally(error));
    }

    private static IOException failedJournal(Throwable cause) {
        return new IOException("the journal failed to write and accepts no more appends until it is reopened: " + cause,
                cause);
    }

    /** Lets queued appends finish, then stops the thread. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
