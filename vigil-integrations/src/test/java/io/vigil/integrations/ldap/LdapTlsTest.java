package io.vigil.integrations.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import io.vigil.integrations.ldap.internal.PinnedCertificateTrustManager;
import io.vigil.integrations.ldap.testing.AdLikeDirectory;
import io.vigil.model.directory.SyncErrorKind;
import io.vigil.model.directory.SyncResult;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LDAPS and StartTLS against in-memory servers with certificates made by the JDK's keytool: a
 * pinned self-signed certificate, a CA file with host-name verification, and the refusals.
 */
class LdapTlsTest {

    private static final String STORE_PASSWORD = "changeit";

    @TempDir
    static Path keys;

    /** Certificate whose SAN names 127.0.0.1, and one that names only 127.0.0.2. */
    private static Path matching;
    private static Path otherHost;

    @BeforeAll
    static void makeCertificates() throws Exception {
        matching = keytoolPair("matching", "ip:127.0.0.1");
        otherHost = keytoolPair("other-host", "ip:127.0.0.2");
    }

    private static Path keytoolPair(String name, String san) throws Exception {
        Path store = keys.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", "dc", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=dc1.lab.example", "-ext", "SAN=" + san, "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "dc", "-keystore", store.toString(),
                "-storepass", STORE_PASSWORD, "-file", keys.resolve(name + ".pem").toString());
        return store;
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }

    private static Path pem(Path store) {
        return store.resolveSibling(store.getFileName().toString().replace(".p12", ".pem"));
    }

    private static String fingerprint(Path store) throws Exception {
        try (InputStream in = Files.newInputStream(pem(store))) {
            return PinnedCertificateTrustManager.fingerprint(
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
    }

    private static InMemoryDirectoryServer server(Path store, boolean startTls) throws Exception {
        SSLUtil serverSsl = new SSLUtil(new KeyStoreKeyManager(store.toFile(), STORE_PASSWORD.toCharArray(),
                "PKCS12", "dc"), null);
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(AdLikeDirectory.BASE);
        config.setListenerConfigs(startTls
                ? InMemoryListenerConfig.createLDAPConfig("starttls", InetAddress.getByName("127.0.0.1"), 0,
                        serverSsl.createSSLSocketFactory())
                : InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getByName("127.0.0.1"), 0,
                        serverSsl.createSSLServerSocketFactory(), null));
        config.addAdditionalBindCredentials(AdLikeDirectory.SYNC_DN, AdLikeDirectory.SYNC_PASSWORD);
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.startListening();
        return server;
    }

    /**
     * A sync against a bare server: it gets past TLS and the bind, and then fails for want of
     * highestCommittedUSN, which is how these tests tell "TLS accepted" from "TLS refused".
     */
    private static SyncResult sync(InMemoryDirectoryServer server, TransportSecurity security, TlsTrust trust) {
        return new LdapDirectorySource(LdapConnectionConfig.builder("lab.example", AdLikeDirectory.BASE)
                .hosts("127.0.0.1").port(server.getListenPort())
                .security(security, trust)
                .bind(AdLikeDirectory.SYNC_DN, AdLikeDirectory.SYNC_PASSWORD::toCharArray)
                .build()).fullSync();
    }

    @Test
    void ldapsWithThePinnedCertificateConnects() throws Exception {
        InMemoryDirectoryServer server = server(otherHost, false);
        try {
            SyncResult result = sync(server, TransportSecurity.LDAPS, TlsTrust.pinned(Set.of(fingerprint(otherHost))));

            assertThat(result.outcome().errorKind()).as("past TLS and bind").isEqualTo(SyncErrorKind.NOT_ACTIVE_DIRECTORY);
        } finally {
            server.shutDown(true);
        }
    }

    @Test
    void ldapsWithAnotherPinIsRefused() throws Exception {
        InMemoryDirectoryServer server = server(matching, false);
        try {
            SyncResult result = sync(server, TransportSecurity.LDAPS, TlsTrust.pinned(Set.of(fingerprint(otherHost))));

            assertThat(result.outcome().errorKind()).isEqualTo(SyncErrorKind.TLS);
            assertThat(result.outcome().error()).contains("not pinned", fingerprint(matching));
        } finally {
            server.shutDown(true);
        }
    }

    @Test
    void startTlsWithTheCaFileAndAMatchingHostNameConnects() throws Exception {
        InMemoryDirectoryServer server = server(matching, true);
        try {
            SyncResult result = sync(server, TransportSecurity.START_TLS, TlsTrust.caCertificates(pem(matching)));

            assertThat(result.outcome().errorKind()).as("past TLS and bind").isEqualTo(SyncErrorKind.NOT_ACTIVE_DIRECTORY);
        } finally {
            server.shutDown(true);
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
        InMemoryDirectoryServer server = server(otherHost, false);
        try {
            SyncResult result = sync(server, TransportSecurity.LDAPS, TlsTrust.caCertificates(pem(otherHost)));

            assertThat(result.outcome().errorKind()).isEqualTo(SyncErrorKind.TLS);
            assertThat(result.outcome().error()).contains("[127.0.0.2]", "not the host connected to, 127.0.0.1");
        } finally {
            server.shutDown(true);
        }
    }

    @Test
    void aCertificateFromAnUntrustedIssuerIsRefused() throws Exception {
        InMemoryDirectoryServer server = server(matching, false);
        try {
            SyncResult result = sync(server, TransportSecurity.LDAPS, TlsTrust.caCertificates(pem(otherHost)));

            assertThat(result.outcome().errorKind()).isEqualTo(SyncErrorKind.TLS);
            assertThat(result.outcome().error()).contains("PKIX");
        } finally {
            server.shutDown(true);
        }
    }
}
