package io.vigil.ingest.journal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes tailing readers when new records become durable. A reader notes the {@link #version()}
 * before it looks for records and waits only if it has not changed since, so a commit between the
 * look and the wait is never missed.
 */
final class TailSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile long version;

    long version() {
        return version;
    }

    void signal() {
        lock.lock();
        try {
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the version differs from {@code seen} or the time is up. */
    void awaitChange(long seen, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (version == seen && left > 0) {
                left = changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }
}
