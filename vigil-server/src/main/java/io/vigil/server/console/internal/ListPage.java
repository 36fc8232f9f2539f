package io.vigil.server.console.internal;

import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import java.util.List;

/**
 * One page of a console list with what the pager fragment ({@code fragments/list :: pager}) needs.
 *
 * @param links the current list's URL, to build page and sort links that keep the filters
 */
public record ListPage<T>(List<T> items, long total, int offset, int limit, QueryLinks links) {

    public static <T> ListPage<T> of(Page<T> page, QueryLinks links) {
        return new ListPage<>(page.items(), page.total(), page.offset(), page.limit(), links);
    }

    /** One page of a list the server holds whole (a timeline). */
    public static <T> ListPage<T> slice(List<T> all, PageRequest page, QueryLinks links) {
        int from = Math.min(page.offset(), all.size());
        return new ListPage<>(all.subList(from, Math.min(all.size(), from + page.limit())), all.size(), page.offset(),
                page.limit(), links);
    }

    public int first() {
        return items.isEmpty() ? 0 : offset + 1;
    }

    public int last() {
        return offset + items.size();
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + items.size() < total;
    }

    public String previousLink() {
        return links.offset(Math.max(0, offset - limit));
    }

    public String nextLink() {
        return links.offset(offset + limit);
    }
}
