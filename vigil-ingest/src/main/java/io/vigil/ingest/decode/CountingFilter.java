package io.vigil.ingest.decode;

import java.util.concurrent.atomic.LongAdder;

/**
 * Wraps a filter and counts the records decoders walk past, from the questions they ask for each
 * record (see {@link EventFilter}), so the count includes events not built because nothing reads
 * them. Decoders may ask from several threads (the EVTX reader parses chunks in parallel).
 */
public final class CountingFilter implements EventFilter {

    private final EventFilter delegate;
    private final LongAdder records = new LongAdder();

    public CountingFilter(EventFilter delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean wants(String channel, int eventId) {
        records.increment();
        return delegate.wants(channel, eventId);
    }

    @Override
    public boolean mayWant(int eventId) {
        boolean maybe = delegate.mayWant(eventId);
        if (!maybe) {
            records.increment();
        }
        return maybe;
    }

    /** Records seen so far. */
    public long records() {
        return records.sum();
    }
}
