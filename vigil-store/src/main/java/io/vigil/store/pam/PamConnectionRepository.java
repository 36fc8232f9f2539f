package io.vigil.store.pam;

import io.vigil.store.AlreadyExistsException;
import io.vigil.store.NotFoundException;
import io.vigil.store.internal.StoreContext;
import io.vigil.store.internal.Times;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;

/** PAM vault connections and the accounts each manages. */
public final class PamConnectionRepository {

    private static final RowMapper<PamConnection> CONNECTION = (rs, row) -> new PamConnection(
            rs.getString("id"), rs.getString("name"), rs.getString("vendor"), rs.getString("auth_mode"),
            rs.getString("url"), rs.getString("identity_url"), rs.getString("user_name"), rs.getString("login_domain"),
            hosts(rs.getString("session_hosts")), rs.getBoolean("enabled"), rs.getString("status"),
            rs.getString("status_message"),
            Times.fromDb(rs, "checked_at"), Times.fromDb(rs, "synced_at"), rs.getInt("accounts"),
            Times.fromDb(rs, "created_at"), Times.fromDb(rs, "updated_at"));

    private static final RowMapper<PamAccount> ACCOUNT = (rs, row) -> new PamAccount(
            rs.getString("connection_id"), rs.getString("account_id"), rs.getString("user_name"),
            rs.getString("domain"), rs.getString("upn"), rs.getString("address"), rs.getString("container"),
            rs.getString("platform"), rs.getBoolean("directory_account"),
            (Boolean) rs.getObject("auto_managed"), Times.fromDb(rs, "last_changed"));

    private final StoreContext store;

    public PamConnectionRepository(StoreContext store) {
        this.store = store;
    }

    /** @throws AlreadyExistsException when a connection has that name */
    public PamConnection create(PamConnection c) {
        Instant now = store.now();
        try {
            store.jdbc().sql("""
                            INSERT INTO pam_connections (id, name, vendor, auth_mode, url, identity_url, user_name,
                                login_domain, session_hosts, enabled, status, accounts, created_at, updated_at)
                            VALUES (:id, :name, :vendor, :auth, :url, :identity, :user, :domain, :hosts, :enabled,
                                :status, 0, :now, :now)""")
                    .param("id", c.id()).param("name", c.name()).param("vendor", c.vendor())
                    .param("auth", c.authMode()).param("url", c.url()).param("identity", c.identityUrl())
                    .param("user", c.userName()).param("domain", c.loginDomain())
                    .param("hosts", hosts(c.sessionHosts())).param("enabled", c.enabled())
                    .param("status", PamConnection.UNKNOWN).param("now", Times.toDb(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AlreadyExistsException("a PAM connection named " + c.name() + " exists", e);
        }
        return find(c.id()).orElseThrow();
    }

    /** Replaces the connection settings; its status goes back to unknown until it is tested again. */
    public PamConnection update(PamConnection c) {
        int updated = store.jdbc().sql("""
                        UPDATE pam_connections SET name = :name, auth_mode = :auth, url = :url, identity_url = :identity,
                               user_name = :user, login_domain = :domain, session_hosts = :hosts,
                               enabled = :enabled, status = :status,
                               status_message = NULL, updated_at = :now
                         WHERE id = :id""")
                .param("id", c.id()).param("name", c.name()).param("auth", c.authMode()).param("url", c.url())
                .param("identity", c.identityUrl()).param("user", c.userName()).param("domain", c.loginDomain())
                .param("hosts", hosts(c.sessionHosts())).param("enabled", c.enabled()).param("status", PamConnection.UNKNOWN)
                .param("now", Times.toDb(store.now()))
                .update();
        if (updated == 0) {
            throw new NotFoundException("PAM connection", c.id());
        }
        return find(c.id()).orElseThrow();
    }

    public Optional<PamConnection> find(String id) {
        return store.jdbc().sql("SELECT * FROM pam_connections WHERE id = :id").param("id", id).query(CONNECTION).optional();
    }

    public List<PamConnection> all() {
        return store.jdbc().sql("SELECT * FROM pam_connections ORDER BY name").query(CONNECTION).list();
    }

    /** Returns whether there was such a connection; its accounts go with it. */
    public boolean delete(String id) {
        return store.inTransaction(() -> {
            store.jdbc().sql("DELETE FROM pam_accounts WHERE connection_id = :id").param("id", id).update();
            return store.jdbc().sql("DELETE FROM pam_connections WHERE id = :id").param("id", id).update() > 0;
        });
    }

    /** What the last test or sync found; a failure leaves the accounts of the last good sync as they are. */
    public void recordStatus(String id, String status, String message) {
        store.jdbc().sql("UPDATE pam_connections SET status = :status, status_message = :message, checked_at = :now WHERE id = :id")
                .param("id", id).param("status", status).param("message", message)
                .param("now", Times.toDb(store.now()))
                .update();
    }

    /** Replaces the connection's accounts with a complete listing, in one transaction. */
    public void replaceAccounts(String id, List<PamAccount> accounts) {
        store.inTransaction(() -> {
            store.jdbc().sql("DELETE FROM pam_accounts WHERE connection_id = :id").param("id", id).update();
            for (PamAccount a : accounts) {
                store.jdbc().sql("""
                                INSERT INTO pam_accounts (connection_id, account_id, user_name, domain, upn, address,
                                    container, platform, directory_account, auto_managed, last_changed)
                                VALUES (:connection, :account, :user, :domain, :upn, :address, :container, :platform,
                                    :directory, :auto, :changed)""")
                        .param("connection", id).param("account", a.accountId()).param("user", a.userName())
                        .param("domain", a.domain()).param("upn", a.upn()).param("address", a.address())
                        .param("container", a.container()).param("platform", a.platform())
                        .param("directory", a.directoryAccount()).param("auto", a.autoManaged())
                        .param("changed", a.lastChanged() == null ? null : Times.toDb(Times.storable(a.lastChanged())))
                        .update();
            }
            store.jdbc().sql("""
                            UPDATE pam_connections SET status = :status, status_message = NULL, checked_at = :now,
                                   synced_at = :now, accounts = :count WHERE id = :id""")
                    .param("id", id).param("status", PamConnection.CONNECTED).param("count", accounts.size())
                    .param("now", Times.toDb(store.now()))
                    .update();
        });
    }

    public List<PamAccount> accounts(String connectionId) {
        return store.jdbc().sql("SELECT * FROM pam_accounts WHERE connection_id = :id ORDER BY user_name, account_id")
                .param("id", connectionId).query(ACCOUNT).list();
    }

    /** Accounts of enabled connections whose user name is this one (case-insensitive), for matching an identity. */
    public List<PamAccount> accountsNamed(String userName) {
        return store.jdbc().sql("""
                        SELECT a.* FROM pam_accounts a JOIN pam_connections c ON c.id = a.connection_id
                         WHERE c.enabled = TRUE AND LOWER(a.user_name) = LOWER(:user)
                         ORDER BY c.name, a.account_id""")
                .param("user", userName).query(ACCOUNT).list();
    }

    private static String hosts(List<String> hosts) {
        return hosts.isEmpty() ? null : String.join(",", hosts);
    }

    private static List<String> hosts(String stored) {
        return stored == null ? List.of()
                : Arrays.stream(stored.split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
    }
}
