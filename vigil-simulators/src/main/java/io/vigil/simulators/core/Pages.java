package io.vigil.simulators.core;

import java.util.List;

/** Offset/limit slicing shared by the simulated list endpoints. */
public final class Pages {

    private Pages() {
    }

    public static <T> List<T> slice(List<T> all, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new SimRequest.BadRequest("offset and limit must not be negative.");
        }
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return all.subList(from, to);
    }
}
