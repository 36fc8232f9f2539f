package io.vigil.store.directory;

import io.vigil.store.AlreadyExistsException;
import io.vigil.store.NotFoundException;
import io.vigil.store.internal.StoreContext;
import io.vigil.store.internal.Times;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;

/** The directory sources (one per domain): created, replaced, listed, deleted. */
public final class DirectorySourceRepository {

    private static final RowMapper<StoredDirectorySource> MAPPER = (rs, row) -> new StoredDirectorySource(
            rs.getLong("id"),
            new DirectorySourceSettings(rs.getString("domain"), Arrays.asList(rs.getString("hosts").split(",")),
                    rs.getInt("port"), rs.getString("security"), rs.getString("trust_kind"),
                    rs.getString("trust_value"), rs.getString("base_dn"), rs.getString("bind_dn"),
                    rs.getBoolean("enabled"), rs.getInt("page_size")),
            rs.getString("created_by"), Times.fromDb(rs, "created_at"),
            rs.getString("updated_by"), Times.fromDb(rs, "updated_at"));

    private final StoreContext store;

    public DirectorySourceRepository(StoreContext store) {
        this.store = store;
    }

    /** @throws AlreadyExistsException when the domain has a source already */
    public StoredDirectorySource create(DirectorySourceSettings settings, String by) {
        var now = Times.toDb(store.now());
        try {
            store.jdbc().sql("""
                            INSERT INTO directory_sources (domain, hosts, port, security, trust_kind, trust_value,
                                base_dn, bind_dn, enabled, page_size, created_by, created_at, updated_by, updated_at)
                            VALUES (:domain, :hosts, :port, :security, :trust_kind, :trust_value, :base_dn,
                                :bind_dn, :enabled, :page_size, :by, :now, :by, :now)""")
                    .params(columns(settings)).param("by", by).param("now", now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AlreadyExistsException("the domain " + settings.domain() + " has a directory source already", e);
        }
        return findByDomain(settings.domain()).orElseThrow();
    }

    /**
     * Replaces the settings of source {@code id}.
     *
     * @throws NotFoundException      when there is no such source
     * @throws AlreadyExistsException when the new domain has another source
     */
    public StoredDirectorySource update(long id, DirectorySourceSettings settings, String by) {
        int updated;
        try {
            updated = store.jdbc().sql("""
                            UPDATE directory_sources SET domain = :domain, hosts = :hosts, port = :port,
                                security = :security, trust_kind = :trust_kind, trust_value = :trust_value,
                                base_dn = :base_dn, bind_dn = :bind_dn, enabled = :enabled, page_size = :page_size,
                                updated_by = :by, updated_at = :now
                            WHERE id = :id""")
                    .params(columns(settings)).param("by", by).param("now", Times.toDb(store.now()))
                    .param("id", id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AlreadyExistsException("the domain " + settings.domain() + " has a directory source already", e);
        }
        if (updated == 0) {
            throw new NotFoundException("directory source", Long.toString(id));
        }
        return findById(id).orElseThrow();
    }

    public Optional<StoredDirectorySource> findById(long id) {
        return store.jdbc().sql("SELECT * FROM directory_sources WHERE id = :id").param("id", id)
                .query(MAPPER).optional();
    }

    public Optional<StoredDirectorySource> findByDomain(String domain) {
        return store.jdbc().sql("SELECT * FROM directory_sources WHERE domain = :domain").param("domain", domain)
                .query(MAPPER).optional();
    }

    public List<StoredDirectorySource> all() {
        return store.jdbc().sql("SELECT * FROM directory_sources ORDER BY domain").query(MAPPER).list();
    }

    /** Deletes the source and its sync status; returns whether there was one. */
    public boolean delete(long id) {
        return store.jdbc().sql("DELETE FROM directory_sources WHERE id = :id").param("id", id).update() > 0;
    }

    private static Map<String, Object> columns(DirectorySourceSettings s) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("domain", s.domain());
        columns.put("hosts", String.join(",", s.hosts()));
        columns.put("port", s.port());
        columns.put("security", s.security());
        columns.put("trust_kind", s.trustKind());
        columns.put("trust_value", s.trustValue());
        columns.put("base_dn", s.baseDn());
        columns.put("bind_dn", s.bindDn());
        columns.put("enabled", s.enabled());
        columns.put("page_size", s.pageSize());
        return columns;
    }
}
