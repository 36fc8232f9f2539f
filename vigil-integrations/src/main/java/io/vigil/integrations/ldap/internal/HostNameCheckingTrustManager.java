package io.vigil.integrations.ldap.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.X509TrustManager;

/**
 * Validates the chain with a delegate, then checks that the certificate names the host connected
 * to (RFC 6125): an IP literal against the iPAddress SANs, a name against the dNSName SANs with a
 * wildcard allowed as the whole left-most label, the subject CN only when there is no SAN at all.
 * UnboundID's own host-name verifier takes any loopback address for any other, which would let a
 * certificate for one lab DC pass for another, so Vigil checks here.
 */
final class HostNameCheckingTrustManager implements X509TrustManager {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern CN = Pattern.compile("(?i)(?:^|,)\\s*CN=([^,]+)");

    private final X509TrustManager delegate;
    private final String host;

    HostNameCheckingTrustManager(X509TrustManager delegate, String host) {
        this.delegate = delegate;
        this.host = host.toLowerCase(Locale.ROOT);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
        X509Certificate leaf = chain[0];
        List<String> names = new ArrayList<>();
        if (!matches(leaf, names)) {
            throw new CertificateException("certificate " + leaf.getSubjectX500Principal() + " names " + names
                    + ", not the host connected to, " + host);
        }
    }

    private boolean matches(X509Certificate leaf, List<String> names) throws CertificateParsingException {
        boolean ipLiteral = IPV4.matcher(host).matches() || host.indexOf(':') >= 0;
        Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
        if (sans == null || sans.isEmpty()) {
            Matcher cn = CN.matcher(leaf.getSubjectX500Principal().getName());
            if (cn.find()) {
                names.add(cn.group(1).strip());
                return !ipLiteral && nameMatches(cn.group(1).strip().toLowerCase(Locale.ROOT));
            }
            return false;
        }
        for (List<?> san : sans) {
            int type = (Integer) san.get(0);
            String value = String.valueOf(san.get(1));
            names.add(value);
            if (ipLiteral && type == SAN_IP && sameAddress(value)) {
                return true;
            }
            if (!ipLiteral && type == SAN_DNS && nameMatches(value.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private boolean nameMatches(String pattern) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(pattern.substring(1));
        }
        return host.equals(pattern);
    }

    /** Both are IP literals, so no name lookup happens. */
    private boolean sameAddress(String sanAddress) {
        try {
            return InetAddress.getByName(sanAddress).equals(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
