package io.vigil.store.directory;

import io.vigil.model.directory.DirectoryDelta;
import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.DirectoryObjectKind;
import io.vigil.model.directory.DirectorySnapshot;
import io.vigil.model.directory.IdentityTag;
import io.vigil.model.directory.UacFlag;
import io.vigil.store.StoreException;
import io.vigil.store.internal.StoreContext;
import io.vigil.store.internal.Times;
import io.vigil.store.internal.Upsert;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import tools.jackson.core.type.TypeReference;

/**
 * Each domain's last complete inventory. A full sync replaces a domain's rows and an incremental one
 * patches them, each in one transaction, so readers see the old inventory or the new one, never a
 * mix. Values longer than the columns hold fail the write with a message naming entry and attribute.
 */
public final class DirectoryInventoryRepository {

    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() { };
    private static final int BATCH = 1_000;
    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "objectSid", 256, "sAMAccountName", 1024, "userPrincipalName", 2048, "displayName", 2048,
            "primaryGroupSid", 256);

    private final StoreContext store;
    private final String insert;

    public DirectoryInventoryRepository(StoreContext store) {
        this.store = store;
        var dialect = store.dialect();
        this.insert = """
                INSERT INTO directory_identities (domain, object_guid, kind, distinguished_name, object_sid,
                    sam_account_name, user_principal_name, display_name, user_account_control,
                    service_principal_names, admin_count, last_logon, pwd_last_set, primary_group_sid, members,
                    member_of, when_changed, usn_changed, tags)
                VALUES (:domain, :object_guid, :kind, :distinguished_name, :object_sid, :sam_account_name,
                    :user_principal_name, :display_name, :user_account_control, %s, :admin_count, :last_logon,
                    :pwd_last_set, :primary_group_sid, %s, %s, :when_changed, :usn_changed, :tags)"""
                .formatted(dialect.jsonParameter("service_principal_names"), dialect.jsonParameter("members"),
                        dialect.jsonParameter("member_of"));
    }

    /**
     * The snapshot as this repository reads it back (times in microseconds), so a snapshot kept in
     * memory compares equal to the one loaded after a restart.
     */
    public static DirectorySnapshot storable(DirectorySnapshot snapshot) {
        return new DirectorySnapshot(snapshot.domain(), snapshot.server(), snapshot.highestUsn(),
                Times.storable(snapshot.syncedAt()), snapshot.identities().stream()
                        .map(DirectoryInventoryRepository::storable).toList());
    }

    private static DirectoryIdentity storable(DirectoryIdentity i) {
        return new DirectoryIdentity(i.kind(), i.domain(), i.distinguishedName(), i.objectSid(), i.objectGuid(),
                i.samAccountName(), i.userPrincipalName(), i.displayName(), i.uacFlags(), i.servicePrincipalNames(),
                i.adminCount(), Times.storable(i.lastLogon()), Times.storable(i.pwdLastSet()), i.primaryGroupSid(),
                i.members(), i.memberOf(), Times.storable(i.whenChanged()), i.usnChanged());
    }

    /** Makes {@code snapshot} the domain's inventory, dropping whatever was stored for it. */
    public void replace(DirectorySnapshot snapshot, Map<UUID, Set<IdentityTag>> tags) {
        List<SqlParameterSource> rows = rows(snapshot.identities(), tags);
        store.inTransaction(() -> {
            saveCursor(snapshot);
            store.jdbc().sql("DELETE FROM directory_identities WHERE domain = :domain")
                    .param("domain", snapshot.domain()).update();
            insert(rows);
        });
    }

    /** Patches the domain's inventory with {@code delta}; {@code snapshot} is the merged result it led to. */
    public void apply(DirectoryDelta delta, DirectorySnapshot snapshot, Map<UUID, Set<IdentityTag>> tags) {
        List<SqlParameterSource> rows = rows(delta.changed(), tags);
        List<DirectoryIdentity> gone = new ArrayList<>(delta.removed());
        gone.addAll(delta.changed());
        store.inTransaction(() -> {
            saveCursor(snapshot);
            deleteRows(snapshot.domain(), gone);
            insert(rows);
        });
    }

    /** Rewrites the tags of the domain's identities whose tags differ from {@code tags}. */
    public int updateTags(String domain, Map<UUID, Set<IdentityTag>> tags) {
        Map<UUID, String> stored = new HashMap<>();
        store.jdbc().sql("SELECT object_guid, tags FROM directory_identities WHERE domain = :domain")
                .param("domain", domain)
                .query(rs -> {
                    stored.put(UUID.fromString(rs.getString("object_guid")), rs.getString("tags"));
                });
        List<SqlParameterSource> changes = new ArrayList<>();
        stored.forEach((guid, text) -> {
            String now = tagText(tags.getOrDefault(guid, Set.of()));
            if (!now.equals(text)) {
                changes.add(new MapSqlParameterSource().addValue("domain", domain)
                        .addValue("object_guid", guid.toString()).addValue("tags", now));
            }
        });
        store.inTransaction(() -> batched(
                "UPDATE directory_identities SET tags = :tags WHERE domain = :domain AND object_guid = :object_guid",
                changes));
        return changes.size();
    }

    public Optional<StoredInventory> load(String domain) {
        return store.jdbc().sql("SELECT * FROM directory_inventories WHERE domain = :domain")
                .param("domain", domain)
                .query((rs, row) -> cursor(rs))
                .optional()
                .map(this::withIdentities);
    }

    public List<StoredInventory> loadAll() {
        return store.jdbc().sql("SELECT * FROM directory_inventories ORDER BY domain")
                .query((rs, row) -> cursor(rs))
                .list().stream().map(this::withIdentities).toList();
    }

    /** Forgets the domain's inventory; returns whether there was one. */
    public boolean delete(String domain) {
        return store.inTransaction(() -> {
            store.jdbc().sql("DELETE FROM directory_identities WHERE domain = :domain").param("domain", domain).update();
            return store.jdbc().sql("DELETE FROM directory_inventories WHERE domain = :domain")
                    .param("domain", domain).update() > 0;
        });
    }

    private void saveCursor(DirectorySnapshot snapshot) {
        Upsert.into("directory_inventories", "domain")
                .value("domain", snapshot.domain())
                .value("server", snapshot.server())
                .value("highest_usn", snapshot.highestUsn())
                .value("synced_at", Times.toDb(Times.storable(snapshot.syncedAt())))
                .execute(store.jdbc(), store.dialect());
    }

    private void deleteRows(String domain, Collection<DirectoryIdentity> identities) {
        batched("DELETE FROM directory_identities WHERE domain = :domain AND object_guid = :object_guid",
                identities.stream().map(i -> (SqlParameterSource) new MapSqlParameterSource()
                        .addValue("domain", domain).addValue("object_guid", i.objectGuid().toString())).toList());
    }

    private void insert(List<SqlParameterSource> rows) {
        batched(insert, rows);
    }

    private void batched(String sql, List<SqlParameterSource> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<SqlParameterSource> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            store.batches().batchUpdate(sql, batch.toArray(SqlParameterSource[]::new));
        }
    }

    private List<SqlParameterSource> rows(List<DirectoryIdentity> identities, Map<UUID, Set<IdentityTag>> tags) {
        List<SqlParameterSource> rows = new ArrayList<>(identities.size());
        for (DirectoryIdentity i : identities) {
            checkLength(i, "objectSid", i.objectSid());
            checkLength(i, "sAMAccountName", i.samAccountName());
            checkLength(i, "userPrincipalName", i.userPrincipalName());
            checkLength(i, "displayName", i.displayName());
            checkLength(i, "primaryGroupSid", i.primaryGroupSid());
            rows.add(new MapSqlParameterSource()
                    .addValue("domain", i.domain())
                    .addValue("object_guid", i.objectGuid().toString())
                    .addValue("kind", i.kind().name())
                    .addValue("distinguished_name", i.distinguishedName())
                    .addValue("object_sid", i.objectSid())
                    .addValue("sam_account_name", i.samAccountName())
                    .addValue("user_principal_name", i.userPrincipalName())
                    .addValue("display_name", i.displayName())
                    .addValue("user_account_control", UacFlag.toBits(i.uacFlags()))
                    .addValue("service_principal_names", store.json().write(i.servicePrincipalNames(), TEXTS))
                    .addValue("admin_count", i.adminCount())
                    .addValue("last_logon", Times.toDb(Times.storable(i.lastLogon())))
                    .addValue("pwd_last_set", Times.toDb(Times.storable(i.pwdLastSet())))
                    .addValue("primary_group_sid", i.primaryGroupSid())
                    .addValue("members", store.json().write(i.members(), TEXTS))
                    .addValue("member_of", store.json().write(i.memberOf(), TEXTS))
                    .addValue("when_changed", Times.toDb(Times.storable(i.whenChanged())))
                    .addValue("usn_changed", i.usnChanged())
                    .addValue("tags", tagText(tags.getOrDefault(i.objectGuid(), Set.of()))));
        }
        return rows;
    }

    private static void checkLength(DirectoryIdentity identity, String attribute, String value) {
        int max = MAX_LENGTHS.get(attribute);
        if (value != null && value.length() > max) {
            throw new StoreException("the " + attribute + " of " + identity.distinguishedName() + " is "
                    + value.length() + " characters long; the inventory keeps at most " + max);
        }
    }

    private record Cursor(String domain, String server, long highestUsn, java.time.Instant syncedAt) {
    }

    private static Cursor cursor(ResultSet rs) throws SQLException {
        return new Cursor(rs.getString("domain"), rs.getString("server"), rs.getLong("highest_usn"),
                Times.fromDb(rs, "synced_at"));
    }

    private StoredInventory withIdentities(Cursor cursor) {
        List<DirectoryIdentity> identities = new ArrayList<>();
        Map<UUID, Set<IdentityTag>> tags = new LinkedHashMap<>();
        store.jdbc().sql("SELECT * FROM directory_identities WHERE domain = :domain ORDER BY object_guid")
                .param("domain", cursor.domain())
                .query(rs -> {
                    DirectoryIdentity identity = identity(rs);
                    identities.add(identity);
                    tags.put(identity.objectGuid(), parseTags(rs.getString("tags")));
                });
        return new StoredInventory(new DirectorySnapshot(cursor.domain(), cursor.server(), cursor.highestUsn(),
                cursor.syncedAt(), identities), tags);
    }

    private DirectoryIdentity identity(ResultSet rs) throws SQLException {
        return new DirectoryIdentity(
                DirectoryObjectKind.valueOf(rs.getString("kind")),
                rs.getString("domain"),
                rs.getString("distinguished_name"),
                rs.getString("object_sid"),
                UUID.fromString(rs.getString("object_guid")),
                rs.getString("sam_account_name"),
                rs.getString("user_principal_name"),
                rs.getString("display_name"),
                UacFlag.fromBits(rs.getLong("user_account_control")),
                store.json().read(rs.getString("service_principal_names"), TEXTS),
                rs.getInt("admin_count"),
                Times.fromDb(rs, "last_logon"),
                Times.fromDb(rs, "pwd_last_set"),
                rs.getString("primary_group_sid"),
                store.json().read(rs.getString("members"), TEXTS),
                store.json().read(rs.getString("member_of"), TEXTS),
                Times.fromDb(rs, "when_changed"),
                rs.getLong("usn_changed"));
    }

    static String tagText(Set<IdentityTag> tags) {
        return tags.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<IdentityTag> parseTags(String text) {
        Set<IdentityTag> tags = EnumSet.noneOf(IdentityTag.class);
        if (text != null && !text.isBlank()) {
            Arrays.stream(text.split(",")).map(IdentityTag::valueOf).forEach(tags::add);
        }
        return tags;
    }
}
