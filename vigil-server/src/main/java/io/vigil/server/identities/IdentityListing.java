package io.vigil.server.identities;

import io.vigil.server.identities.IdentityQuery.Sort;
import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Every identity of the list, as views built once, in each sort order (sorted on first use and kept):
 * a page walks the order, counts what the filters keep and keeps only the rows it shows, so a request
 * never builds or sorts the whole list. Immutable once built, apart from the orders it memoises.
 */
final class IdentityListing {

    private final Row[] rows;
    private final Map<Sort, Row[]> orders = new EnumMap<>(Sort.class);

    /**
     * A view with what the sort and the search compare, folded to lower case once: the search looks
     * in one text of the names, each ended by NUL, which directory names never hold, so that a
     * search never matches across two of them.
     */
    record Row(IdentityView view, String sortName, String searchable) {

        private static final char END = '\0';

        static Row of(IdentityView v) {
            StringBuilder text = new StringBuilder();
            Stream.of(v.key(), v.name(), v.samAccountName(), v.userPrincipalName(), v.displayName())
                    .filter(t -> t != null).forEach(t -> text.append(fold(t).replace(END, ' ')).append(END));
            return new Row(v, v.name() == null ? "" : fold(v.name()), text.toString());
        }

        /** Whether the key, name, SAM account name, UPN or display name contains the folded text. */
        boolean contains(String folded) {
            return folded.indexOf(END) < 0 && searchable.contains(folded);
        }
    }

    private IdentityListing(Row[] rows) {
        this.rows = rows;
    }

    static IdentityListing of(List<IdentityView> views) {
        return new IdentityListing(views.stream().map(Row::of).toArray(Row[]::new));
    }

    int size() {
        return rows.length;
    }

    /** The page of the identities the query keeps, in its order, and how many it keeps in all. */
    Page<IdentityView> page(IdentityQuery query, PageRequest page) {
        Row[] order = order(query.sort());
        if (query.keepsAll()) {
            int from = Math.min(page.offset(), order.length);
            int to = Math.min(order.length, from + page.limit());
            return new Page<>(Arrays.stream(order, from, to).map(Row::view).toList(), order.length, page.offset(),
                    page.limit());
        }
        Predicate<Row> filter = query.filter();
        List<IdentityView> shown = new ArrayList<>(Math.min(page.limit(), order.length));
        int kept = 0;
        for (Row row : order) {
            if (filter.test(row)) {
                if (kept >= page.offset() && shown.size() < page.limit()) {
                    shown.add(row.view());
                }
                kept++;
            }
        }
        return new Page<>(shown, kept, page.offset(), page.limit());
    }

    /** Sorts on first use; sorting all orders up front ({@link #sortAll}) spares requests the wait. */
    synchronized Row[] order(Sort sort) {
        return orders.computeIfAbsent(sort, s -> {
            Row[] sorted = rows.clone();
            Arrays.sort(sorted, Comparator.comparing(Row::view, s.first()).thenComparing(Row::sortName)
                    .thenComparing(r -> r.view().id()));
            return sorted;
        });
    }

    void sortAll() {
        for (Sort sort : Sort.values()) {
            order(sort);
        }
    }

    private static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
