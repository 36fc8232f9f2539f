package io.vigil.ingest.evtx;

import io.vigil.ingest.decode.DecodeListener;
import io.vigil.ingest.decode.EventFilter;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * Chunks of one file handed to a pool, emitted in file order. The calling thread does not just wait
 * for the oldest chunk: it decodes queued chunks itself until that one is done, so it counts as one
 * of the decoding threads and a file of two or three chunks costs no more than decoding it alone.
 * Chunk buffers come from the calling thread's {@link DecodingWorkspace} and go back to it once their
 * chunk is emitted; a chunk still in flight when the read stops keeps its buffer, since a pool thread
 * may still be reading it.
 */
final class ChunksInFlight implements AutoCloseable {

    private record InFlight(FutureTask<ChunkResult> task, ChunkBuffer buffer) {
    }

    private final Executor executor;
    private final EventFilter filter;
    private final boolean recoverSlack;
    private final Deque<InFlight> inFlight = new ArrayDeque<>();
    private final DecodingWorkspace workspace = DecodingWorkspace.current();

    ChunksInFlight(Executor executor, EventFilter filter, boolean recoverSlack) {
        this.executor = executor;
        this.filter = filter;
        this.recoverSlack = recoverSlack;
    }

    int size() {
        return inFlight.size();
    }

    /** A buffer for the next chunk, to {@link #submit} or to {@link #giveBack}. */
    ChunkBuffer buffer() {
        return workspace.takeChunkBuffer();
    }

    /** A buffer that was never submitted. */
    void giveBack(ChunkBuffer buffer) {
        workspace.giveBack(buffer);
    }

    void submit(Chunk chunk, ChunkBuffer buffer) {
        FutureTask<ChunkResult> task = new FutureTask<>(() -> chunk.decode(filter, recoverSlack));
        inFlight.add(new InFlight(task, buffer));
        executor.execute(task);
    }

    /** Emits the oldest chunks, in order, until at most {@code keep} are left in flight. */
    void emitUntil(int keep, DecodeListener listener) throws InterruptedIOException {
        while (inFlight.size() > keep) {
            InFlight oldest = inFlight.peek();
            helpUntilDone(oldest.task());
            try {
                oldest.task().get().emitTo(listener);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while decoding EVTX chunks");
            } catch (ExecutionException e) {
                throw new IllegalStateException("chunk decoding failed", e.getCause());
            }
            inFlight.poll();
            workspace.giveBack(oldest.buffer());
        }
    }

    /** Runs queued chunks here, oldest first; a chunk a pool thread already took is skipped by run(). */
    private void helpUntilDone(FutureTask<ChunkResult> oldest) {
        for (InFlight chunk : inFlight) {
            if (oldest.isDone()) {
                return;
            }
            chunk.task().run();
        }
    }

    @Override
    public void close() {
        inFlight.forEach(chunk -> chunk.task().cancel(true));
    }
}
