package io.vigil.ingest.evtx;

import io.vigil.ingest.decode.DecodeError;
import io.vigil.ingest.decode.DecodeListener;
import io.vigil.ingest.decode.EventDecoder;
import io.vigil.ingest.decode.EventFilter;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads Windows XML Event Log (EVTX) files, format versions 3.1 and 3.2, from a stream: the file
 * header, then 64 KiB chunks one after the other. Chunks are independent, so with
 * {@link EvtxOptions#parallelism()} above 1 they are decoded on a small pool while the calling thread
 * reads ahead and delivers results in file order; at most a few chunks per thread are in memory.
 * <p>
 * Damage never stops the reader: a chunk with a bad signature, checksum or offsets is reported with
 * its number and file offset and skipped; a record that cannot be decoded is reported with its offset
 * and the next record is read. Zero-filled (never used) chunks are skipped silently; past the chunks the
 * file header counts, a chunk whose header is zeros is taken as never used without reading the rest of
 * it, except with slack recovery, which reads and checks every byte.
 */
public final class EvtxDecoder implements EventDecoder {

    private static final int IN_FLIGHT_PER_THREAD = 3;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final EvtxOptions options;
    private volatile ExecutorService pool;

    public EvtxDecoder() {
        this(EvtxOptions.defaults());
    }

    public EvtxDecoder(EvtxOptions options) {
        this.options = options;
    }

    @Override
    public String format() {
        return "evtx";
    }

    @Override
    public void decode(String source, InputStream input, EventFilter filter, DecodeListener listener) throws IOException {
        byte[] headerBlock = new byte[FileHeader.SIZE];
        int read = input.readNBytes(headerBlock, 0, headerBlock.length);
        if (read < 8 || !FileHeader.hasSignature(headerBlock)) {
            listener.onError(DecodeError.atOffset(source, 0, "not an EVTX file: no ElfFile signature"));
            return;
        }
        if (read < FileHeader.SIZE) {
            listener.onError(DecodeError.atOffset(source, 0, "file header truncated after " + read + " bytes"));
            return;
        }
        FileHeader header = FileHeader.parse(headerBlock);
        if (!header.isSupportedVersion()) {
            listener.onError(DecodeError.atOffset(source, 0, "format version " + header.majorVersion() + "."
                    + header.minorVersion() + " is not 3.1 or 3.2; reading it as if it were"));
        }
        if (options.parallelism() == 1) {
            decodeSequentially(source, header, input, filter, listener);
        } else {
            decodeInParallel(source, header, input, filter, listener);
        }
    }

    private void decodeSequentially(String source, FileHeader header, InputStream input, EventFilter filter,
            DecodeListener listener) throws IOException {
        DecodingWorkspace workspace = DecodingWorkspace.current();
        ChunkBuffer buffer = workspace.takeChunkBuffer();
        try {
            long offset = FileHeader.SIZE;
            for (int index = 0; ; index++, offset += Chunk.SIZE) {
                int read = buffer.readNext(input, header.extentOf(index, options.recoverSlack()));
                if (read < Chunk.SIZE) {
                    reportTail(source, buffer, read, index, offset, listener);
                    return;
                }
                if (!Chunk.isEmpty(buffer.bytes, buffer.filled())) {
                    new Chunk(buffer.bytes, buffer.filled(), index, offset, source).decode(filter, options.recoverSlack()).emitTo(listener);
                }
            }
        } finally {
            workspace.giveBack(buffer);
        }
    }

    private void decodeInParallel(String source, FileHeader header, InputStream input, EventFilter filter,
            DecodeListener listener) throws IOException {
        int limit = IN_FLIGHT_PER_THREAD * options.parallelism();
        try (ChunksInFlight chunks = new ChunksInFlight(pool(), filter, options.recoverSlack())) {
            // a file of one chunk (most samples) is decoded right here: handing it over costs more than it saves
            Chunk pending = null;
            ChunkBuffer pendingBuffer = null;
            ChunkBuffer buffer = chunks.buffer();
            long offset = FileHeader.SIZE;
            for (int index = 0; ; index++, offset += Chunk.SIZE) {
                int read = buffer.readNext(input, header.extentOf(index, options.recoverSlack()));
                if (read < Chunk.SIZE) {
                    if (pending != null && chunks.size() == 0) {
                        pending.decode(filter, options.recoverSlack()).emitTo(listener);
                        chunks.giveBack(pendingBuffer);
                    } else if (pending != null) {
                        chunks.submit(pending, pendingBuffer);
                    }
                    chunks.emitUntil(0, listener);
                    reportTail(source, buffer, read, index, offset, listener);
                    chunks.giveBack(buffer);
                    return;
                }
                if (Chunk.isEmpty(buffer.bytes, buffer.filled())) {
                    continue;
                }
                if (pending != null) {
                    chunks.submit(pending, pendingBuffer);
                    chunks.emitUntil(limit - 1, listener);
                }
                pending = new Chunk(buffer.bytes, buffer.filled(), index, offset, source);
                pendingBuffer = buffer;
                buffer = chunks.buffer();
            }
        }
    }

    /** A short last chunk is damage unless it is only zero padding. */
    private static void reportTail(String source, ChunkBuffer buffer, int read, int index, long offset,
            DecodeListener listener) {
        if (read > 0 && !Chunk.isEmpty(buffer.bytes, buffer.filled())) {
            listener.onError(DecodeError.atOffset(source, offset, "chunk " + index + ": truncated, " + read
                    + " of " + Chunk.SIZE + " bytes"));
        }
    }

    private ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    // the calling thread decodes too (see ChunksInFlight), so the pool needs one thread fewer
                    int threads = Math.max(1, options.parallelism() - 1);
                    ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads,
                            30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads());
                    executor.allowCoreThreadTimeOut(true);
                    pool = p = executor;
                }
            }
        }
        return p;
    }

    private static ThreadFactory daemonThreads() {
        int poolNumber = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "vigil-evtx-" + poolNumber + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
