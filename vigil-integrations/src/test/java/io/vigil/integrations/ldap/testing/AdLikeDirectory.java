package io.vigil.integrations.ldap.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFReader;
import io.vigil.integrations.ldap.LdapConnectionConfig;
import io.vigil.integrations.ldap.TransportSecurity;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * UnboundID's in-memory server with AD's schema subset, the project's AD-shaped domain
 * ({@code lab-example.ldif}) and {@link AdBehaviour}, on 127.0.0.1 with an ephemeral port.
 */
public final class AdLikeDirectory implements AutoCloseable {

    public static final String BASE = "DC=lab,DC=example";
    public static final String DOMAIN_SID = "S-1-5-21-1004336348-1177238915-682003330";
    public static final String SYNC_DN = "CN=vigil-sync,OU=Service Accounts," + BASE;
    public static final String SYNC_PASSWORD = "Sync-Passw0rd!";

    private final InMemoryDirectoryServer server;
    private final AdBehaviour behaviour = new AdBehaviour(BASE);

    private AdLikeDirectory(List<InMemoryOperationInterceptor> extra) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setSchema(schema());
        config.setGenerateOperationalAttributes(false);
        // AD keeps member values pointing at renamed objects and drops deleted ones, without a USN change on the group
        config.setReferentialIntegrityAttributes("member");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                InetAddress.getLoopbackAddress(), 0, null));
        config.addAdditionalBindCredentials(SYNC_DN, SYNC_PASSWORD);
        config.setAuthenticationRequiredOperationTypes(OperationType.SEARCH);
        config.addInMemoryOperationInterceptor(behaviour);
        extra.forEach(config::addInMemoryOperationInterceptor);
        server = new InMemoryDirectoryServer(config);
        try (InputStream ldif = resource("lab-example.ldif")) {
            server.importFromLDIF(true, new LDIFReader(ldif));
        }
        server.startListening();
    }

    public static AdLikeDirectory start(InMemoryOperationInterceptor... extra) throws Exception {
        return new AdLikeDirectory(List.of(extra));
    }

    private static Schema schema() throws Exception {
        try (InputStream in = resource("ad-schema.ldif")) {
            return Schema.getSchema(in);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = AdLikeDirectory.class.getResourceAsStream("/ldap/" + name);
        if (in == null) {
            throw new IllegalStateException("test resource /ldap/" + name + " missing");
        }
        return in;
    }

    public AdBehaviour behaviour() {
        return behaviour;
    }

    public int port() {
        return server.getListenPort();
    }

    /** Plain LDAP to this server as the sync account, small pages so paging is exercised. */
    public LdapConnectionConfig.Builder config() {
        return LdapConnectionConfig.builder("lab.example", BASE)
                .hosts("127.0.0.1")
                .port(port())
                .security(TransportSecurity.PLAIN, null)
                .bind(SYNC_DN, SYNC_PASSWORD::toCharArray)
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30))
                .pageSize(7);
    }

    /** Changes made over LDAP, so {@link AdBehaviour} bumps the USN as AD would. */
    public void modify(String dn, Modification... modifications) throws LDAPException {
        try (LDAPConnection connection = server.getConnection()) {
            connection.modify(dn, modifications);
        }
    }

    public void add(Entry entry) throws LDAPException {
        try (LDAPConnection connection = server.getConnection()) {
            connection.add(entry);
        }
    }

    public void delete(String dn) throws LDAPException {
        try (LDAPConnection connection = server.getConnection()) {
            connection.delete(dn);
        }
    }

    public void rename(String dn, String newRdn) throws LDAPException {
        try (LDAPConnection connection = server.getConnection()) {
            connection.modifyDN(dn, newRdn, true);
        }
    }

    public static Modification add(String attribute, String... values) {
        return new Modification(ModificationType.ADD, attribute, values);
    }

    public static Modification replace(String attribute, String... values) {
        return new Modification(ModificationType.REPLACE, attribute, values);
    }

    /** A user entry as AD shapes it, with a SID in this domain and a GUID derived from the RID. */
    public static Entry user(String cn, String ou, long rid, int userAccountControl) {
        Entry entry = new Entry("CN=" + cn + "," + ou + "," + BASE);
        entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
        entry.addAttribute("cn", cn);
        entry.addAttribute("sAMAccountName", cn);
        entry.addAttribute("objectSid", AdBinary.sid(DOMAIN_SID + "-" + rid));
        entry.addAttribute("objectGUID", AdBinary.guid(guidOf(rid)));
        entry.addAttribute("userAccountControl", Integer.toString(userAccountControl));
        entry.addAttribute("primaryGroupID", "513");
        entry.addAttribute("uSNChanged", "1");
        return entry;
    }

    public static UUID guidOf(long rid) {
        return UUID.fromString(String.format("7a1c0000-6b2d-4e5f-9a1b-%012x", rid));
    }

    /** A global security group entry as AD shapes it, with a SID in this domain and these member DNs. */
    public static Entry group(String cn, String ou, long rid, List<String> memberDns) {
        Entry group = new Entry("CN=" + cn + "," + ou + "," + BASE);
        group.addAttribute("objectClass", "top", "group");
        group.addAttribute("cn", cn);
        group.addAttribute("sAMAccountName", cn);
        group.addAttribute("objectSid", AdBinary.sid(DOMAIN_SID + "-" + rid));
        group.addAttribute("objectGUID", AdBinary.guid(guidOf(rid)));
        if (!memberDns.isEmpty()) {
            group.addAttribute("member", memberDns);
        }
        group.addAttribute("uSNChanged", "1");
        return group;
    }

    /** Adds entries in bulk, bypassing the USN counter, as an import before the first sync would. */
    public void importEntries(List<Entry> entries) throws LDAPException {
        server.addEntries(entries);
    }

    /**
     * Adds a group with {@code members} member DNs, named {@code bulk00000} upwards, bypassing the
     * USN counter (a bulk import). Only the first, middle and last member exist as user entries:
     * a group's member list is what range retrieval is about, and 10,000 real entries would only
     * make the test slow.
     */
    public List<String> importGroupWithMembers(String groupCn, long groupRid, int members) throws LDAPException {
        List<String> dns = new ArrayList<>(members);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            Entry user = user(String.format("bulk%05d", i), "OU=Staff", 100_000L + i, 512);
            dns.add(user.getDN());
            if (i == 0 || i == members / 2 || i == members - 1) {
                entries.add(user);
            }
        }
        Entry group = group(groupCn, "OU=Staff", groupRid, dns);
        group.setAttribute("uSNChanged", "2");
        entries.add(group);
        importEntries(entries);
        return dns;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
