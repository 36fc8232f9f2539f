package io.vigil.simulators.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Fault injection for tests: queued faults consumed by the requests they match, in order. */
public final class Faults {

    private final List<Slot> queue = new ArrayList<>();

    public synchronized Faults inject(Fault fault) {
        queue.add(new Slot(fault, fault.timesValue()));
        return this;
    }

    public synchronized void clear() {
        queue.clear();
    }

    /** The first queued fault matching the request, consuming one of its uses; null when none. */
    synchronized Fault take(RecordedRequest request) {
        for (Iterator<Slot> it = queue.iterator(); it.hasNext(); ) {
            Slot slot = it.next();
            if (slot.fault.applies(request)) {
                if (--slot.remaining <= 0) {
                    it.remove();
                }
                return slot.fault;
            }
        }
        return null;
    }

    private static final class Slot {
        final Fault fault;
        int remaining;

        Slot(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
