package io.vigil.server.api;

import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list as the API returns it.
 *
 * @param total      how many items match the filters across all pages
 * @param nextOffset the {@code offset} of the next page, or {@code null} on the last page
 */
public record PageView<T>(List<T> items, long total, int offset, int limit, Integer nextOffset) {

    public static <S, T> PageView<T> of(Page<S> page, Function<? super S, ? extends T> view) {
        return of(page.map(view));
    }

    /** A page of a list the server already holds whole (a timeline, an aggregate). */
    public static <T> PageView<T> slice(List<T> all, PageRequest page) {
        int from = Math.min(page.offset(), all.size());
        int to = Math.min(all.size(), from + page.limit());
        return of(new Page<>(all.subList(from, to), all.size(), page.offset(), page.limit()));
    }

    public static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.items(), page.total(), page.offset(), page.limit(),
                page.hasNext() ? page.offset() + page.items().size() : null);
    }
}
