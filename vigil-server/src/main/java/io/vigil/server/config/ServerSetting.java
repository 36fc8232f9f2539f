package io.vigil.server.config;

import java.util.Locale;

/**
 * The settings of {@code vigil start} and {@code vigil start-dev}, spelled as Keycloak spells its own:
 * {@code --http-port} on the command line, {@code VIGIL_HTTP_PORT} in the environment, {@code http-port}
 * in the config file.
 */
public enum ServerSetting {
    HTTP_HOST("http-host", "Address to listen on.", false),
    HTTP_PORT("http-port", "HTTP port.", false),
    HTTP_ENABLED("http-enabled", "Serve plain HTTP (true/false). Production needs TLS or this set to true.", false),
    HTTPS_PORT("https-port", "HTTPS port.", false),
    HTTPS_CERTIFICATE_FILE("https-certificate-file", "PEM certificate (chain) for TLS.", false),
    HTTPS_CERTIFICATE_KEY_FILE("https-certificate-key-file", "PEM private key for TLS.", false),
    DB("db", "Database: h2 (start-dev) or postgres.", false),
    DB_URL("db-url", "JDBC URL of the database.", false),
    DB_USERNAME("db-username", "Database user.", false),
    DB_PASSWORD("db-password", "Database password.", true),
    DATA_DIR("data-dir", "Folder for the journal, the H2 database and engine snapshots.", false),
    ENGINE("engine", "Detection engine: embedded (in this process) or flink.", false),
    SYSLOG_TCP_PORT("syslog-tcp-port", "Receive syslog (RFC 5424/3164, event XML or JSON) over TCP on this port; off when not set.", false),
    SYSLOG_UDP_PORT("syslog-udp-port", "Receive syslog over UDP on this port; off when not set.", false),
    WATCH_DIR("watch-dir", "Folder watched for dropped event files (start-dev: <data-dir>/inbox; start: off unless set).", false),
    OIDC_ISSUER_URL("oidc-issuer-url", "OpenID Connect issuer for console sign-in (off when unset).", false),
    OIDC_CLIENT_ID("oidc-client-id", "OpenID Connect client id.", false),
    OIDC_CLIENT_SECRET("oidc-client-secret", "OpenID Connect client secret.", true),
    OIDC_ROLE_CLAIM("oidc-role-claim", "ID token claim holding Vigil roles (default roles; dots walk nested claims).", false),
    MASTER_KEY("master-key", "Base64 of the 32-byte key that encrypts integration secrets (default: <data-dir>/secrets.key, created on first start).", true),
    HOSTNAME_URL("hostname-url", "Public base URL of Vigil's console (e.g. https://vigil.corp.local); links Vigil sends out, such as SecurityAlert's AlertLink, start with it.", false),
    CONFIG_FILE("config-file", "Config file of name=value lines (default: conf/vigil.conf when present).", false);

    private final String key;
    private final String description;
    private final boolean secret;

    ServerSetting(String key, String description, boolean secret) {
        this.key = key;
        this.description = description;
        this.secret = secret;
    }

    /** The name in the config file, e.g. {@code http-port}. */
    public String key() {
        return key;
    }

    /** The command-line option, e.g. {@code --http-port}. */
    public String option() {
        return "--" + key;
    }

    /** The environment variable, e.g. {@code VIGIL_HTTP_PORT}. */
    public String environmentVariable() {
        return "VIGIL_" + key.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** Secrets are never printed, logged or echoed back. */
    public boolean secret() {
        return secret;
    }

    public static ServerSetting byKey(String key) {
        for (ServerSetting s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }
}
