package io.vigil.integrations.ldap;

import io.vigil.integrations.secret.SecretSupplier;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach and read one domain. Hosts are tried in order until one answers; a refused bind is
 * not retried on the next host (that would only count more failed logons against the account).
 *
 * @param domain     the domain's DNS name, e.g. {@code lab.example}
 * @param baseDn     where users, computers and groups are searched, usually the domain's root
 * @param credential the bind password; never part of {@link #toString()}
 * @param pageSize   entries per page of the paged search (AD's MaxPageSize is 1000 by default)
 */
public record LdapConnectionConfig(
        String domain,
        List<String> hosts,
        int port,
        TransportSecurity security,
        TlsTrust trust,
        String baseDn,
        String bindDn,
        SecretSupplier credential,
        Duration connectTimeout,
        Duration responseTimeout,
        int pageSize,
        SyncLimits limits) {

    public LdapConnectionConfig {
        Objects.requireNonNull(domain, "domain");
        domain = domain.toLowerCase(Locale.ROOT);
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("at least one host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port);
        }
        Objects.requireNonNull(security, "security");
        if (security != TransportSecurity.PLAIN && trust == null) {
            throw new IllegalArgumentException(security + " needs a trust store or pinned certificates");
        }
        Objects.requireNonNull(baseDn, "baseDn");
        Objects.requireNonNull(bindDn, "bindDn");
        Objects.requireNonNull(credential, "credential");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(responseTimeout, "responseTimeout");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize " + pageSize);
        }
        limits = limits == null ? SyncLimits.DEFAULTS : limits;
    }

    public static Builder builder(String domain, String baseDn) {
        return new Builder(domain, baseDn);
    }

    @Override
    public String toString() {
        return "LdapConnectionConfig[domain=" + domain + ", hosts=" + hosts + ", port=" + port
                + ", security=" + security + ", baseDn=" + baseDn + ", bindDn=" + bindDn + "]";
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** Defaults: LDAPS on 636, 10 s to connect, 60 s per response, pages of 500. */
    public static final class Builder {
        private final String domain;
        private final String baseDn;
        private List<String> hosts = List.of();
        private int port = 636;
        private TransportSecurity security = TransportSecurity.LDAPS;
        private TlsTrust trust;
        private String bindDn;
        private SecretSupplier credential;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(60);
        private int pageSize = 500;
        private SyncLimits limits = SyncLimits.DEFAULTS;

        private Builder(String domain, String baseDn) {
            this.domain = domain;
            this.baseDn = baseDn;
        }

        public Builder hosts(String... hosts) {
            this.hosts = List.of(hosts);
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder security(TransportSecurity security, TlsTrust trust) {
            this.security = security;
            this.trust = trust;
            return this;
        }

        public Builder bind(String bindDn, SecretSupplier credential) {
            this.bindDn = bindDn;
            this.credential = credential;
            return this;
        }

        public Builder timeouts(Duration connect, Duration response) {
            this.connectTimeout = connect;
            this.responseTimeout = response;
            return this;
        }

        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        public Builder limits(SyncLimits limits) {
            this.limits = limits;
            return this;
        }

        public LdapConnectionConfig build() {
            return new LdapConnectionConfig(domain, hosts, port, security, trust, baseDn, bindDn, credential,
                    connectTimeout, responseTimeout, pageSize, limits);
        }
    }
}
