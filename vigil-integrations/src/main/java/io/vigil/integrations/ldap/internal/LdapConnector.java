package io.vigil.integrations.ldap.internal;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllSSLSocketVerifier;
import io.vigil.integrations.ldap.LdapConnectionConfig;
import io.vigil.integrations.ldap.TlsTrust;
import io.vigil.integrations.ldap.TransportSecurity;
import io.vigil.model.directory.SyncErrorKind;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.X509TrustManager;

/** Opens a bound connection to the first configured host that answers. */
public final class LdapConnector {

    private final LdapConnectionConfig config;

    public LdapConnector(LdapConnectionConfig config) {
        this.config = config;
    }

    /** A bound connection and the {@code host:port} it goes to. */
    public record Bound(LDAPConnection connection, String server) implements AutoCloseable {
        @Override
        public void close() {
            connection.close();
        }
    }

    /**
     * Tries the hosts in order. Unreachable hosts and failed TLS handshakes move on to the next host;
     * a refused bind does not, so a wrong password costs the account one failed logon, not one per DC.
     */
    public Bound connect() {
        List<String> failures = new ArrayList<>();
        SyncFailure last = null;
        for (String host : config.hosts()) {
            String server = host + ":" + config.port();
            LDAPConnection connection = null;
            try {
                connection = open(host);
                bind(connection);
                return new Bound(connection, server);
            } catch (LDAPException e) {
                close(connection);
                SyncFailure failure = LdapErrors.of(e, server);
                if (failure.kind() != SyncErrorKind.UNREACHABLE && failure.kind() != SyncErrorKind.TLS) {
                    throw failure;
                }
                failures.add(failure.getMessage());
                last = failure;
            }
        }
        if (failures.size() == 1) {
            throw last;
        }
        throw new SyncFailure(last.kind(), "no configured host answered: " + String.join("; ", failures), last);
    }

    private LDAPConnection open(String host) throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(millis(config.connectTimeout()));
        options.setResponseTimeoutMillis(millis(config.responseTimeout()));
        options.setFollowReferrals(false);
        options.setAbandonOnTimeout(true);
        TransportSecurity security = config.security();
        if (security == TransportSecurity.PLAIN) {
            return new LDAPConnection(options, host, config.port());
        }
        SSLUtil ssl = sslUtil(host);
        // the host name is checked in the trust manager (see HostNameCheckingTrustManager)
        options.setSSLSocketVerifier(TrustAllSSLSocketVerifier.getInstance());
        try {
            if (security == TransportSecurity.LDAPS) {
                return new LDAPConnection(ssl.createSSLSocketFactory(), options, host, config.port());
            }
            LDAPConnection connection = new LDAPConnection(options, host, config.port());
            try {
                ExtendedResult result = connection.processExtendedOperation(
                        new StartTLSExtendedRequest(ssl.createSSLContext()));
                if (result.getResultCode() != ResultCode.SUCCESS) {
                    throw new LDAPException(result);
                }
                return connection;
            } catch (LDAPException | GeneralSecurityException e) {
                connection.close();
                throw e;
            }
        } catch (GeneralSecurityException e) {
            throw new SyncFailure(SyncErrorKind.TLS, "cannot set up TLS for " + host + ": " + e.getMessage(), e);
        }
    }

    private SSLUtil sslUtil(String host) {
        if (config.trust() instanceof TlsTrust.PinnedCertificates pinned) {
            return new SSLUtil(new PinnedCertificateTrustManager(pinned.sha256Fingerprints()));
        }
        X509TrustManager ca = CaTrust.load(((TlsTrust.CaCertificates) config.trust()).pemFile());
        return new SSLUtil(new HostNameCheckingTrustManager(ca, host));
    }

    private void bind(LDAPConnection connection) throws LDAPException {
        char[] password = config.credential().get();
        if (password == null || password.length == 0) {
            // AD takes a DN with an empty password as an anonymous bind and "succeeds"
            throw new SyncFailure(SyncErrorKind.BAD_CREDENTIALS, "the bind password for " + config.bindDn()
                    + " is empty; refusing what AD would treat as an anonymous bind");
        }
        byte[] bytes = utf8(password);
        try {
            connection.bind(new SimpleBindRequest(config.bindDn(), bytes));
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Encodes without an intermediate String, so the password can be cleared after the bind. */
    private static byte[] utf8(char[] password) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    private static void close(LDAPConnection connection) {
        if (connection != null) {
            connection.close();
        }
    }
}
