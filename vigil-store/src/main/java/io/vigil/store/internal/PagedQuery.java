package io.vigil.store.internal;

import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs a count and a page query over the same FROM and WHERE. */
public final class PagedQuery {

    private PagedQuery() {
    }

    /**
     * @param select  the SELECT list, e.g. {@code a.*}
     * @param from    the FROM clause without the keyword, e.g. {@code alerts a}
     * @param orderBy the ORDER BY list; it must be total (end with a unique column) so pages never overlap
     */
    public static <T> Page<T> run(JdbcClient jdbc, String select, String from, Where where, String orderBy,
                                  PageRequest page, RowMapper<T> mapper) {
        long total = jdbc.sql("SELECT COUNT(*) FROM " + from + where.sql())
                .params(where.parameters())
                .query(Long.class)
                .single();
        var items = jdbc.sql("SELECT " + select + " FROM " + from + where.sql() + " ORDER BY " + orderBy
                        + " LIMIT :page_limit OFFSET :page_offset")
                .params(where.parameters())
                .param("page_limit", page.limit())
                .param("page_offset", page.offset())
                .query(mapper)
                .list();
        return new Page<>(items, total, page.offset(), page.limit());
    }
}
