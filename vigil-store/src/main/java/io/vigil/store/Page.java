package io.vigil.store;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a filtered list.
 *
 * @param total how many items match the filter across all pages
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    public boolean hasNext() {
        return offset + items.size() < total;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, offset, limit);
    }
}
