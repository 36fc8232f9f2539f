package io.vigil.server.api;

import io.vigil.store.PageRequest;

/** The {@code offset} and {@code limit} query parameters every list takes, checked with messages that name them. */
public final class Paging {

    public static final String DEFAULT_OFFSET = "0";
    public static final String DEFAULT_LIMIT = "" + PageRequest.DEFAULT_LIMIT;

    private Paging() {
    }

    public static PageRequest of(int offset, int limit) {
        if (offset < 0) {
            throw new InvalidRequestException("offset", "offset must be 0 or more, was " + offset);
        }
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new InvalidRequestException("limit",
                    "limit must be between 1 and " + PageRequest.MAX_LIMIT + ", was " + limit);
        }
        return PageRequest.of(offset, limit);
    }
}
