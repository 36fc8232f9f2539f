package io.vigil.store;

/** Which page of a list to return: skip {@code offset} items, then return at most {@code limit}. */
public record PageRequest(int offset, int limit) {

    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 50;

    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("page offset must be 0 or more, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("page limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    public static PageRequest of(int offset, int limit) {
        return new PageRequest(offset, limit);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit);
    }

    public static PageRequest firstPage() {
        return new PageRequest(0, DEFAULT_LIMIT);
    }

    public PageRequest next() {
        return new PageRequest(offset + limit, limit);
    }
}
