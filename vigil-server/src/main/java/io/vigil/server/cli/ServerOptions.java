package io.vigil.server.cli;

import io.vigil.server.config.ServerSetting;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options {@code start} and {@code start-dev} share; unset options fall through to env and config file. */
public final class ServerOptions {

    @Option(names = "--http-host", paramLabel = "ADDRESS", description = "Address to listen on.")
    String httpHost;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port (default 8080).")
    String httpPort;

    @Option(names = "--http-enabled", paramLabel = "true|false", description = "Serve plain HTTP.")
    String httpEnabled;

    @Option(names = "--https-port", paramLabel = "PORT", description = "HTTPS port (default 8443).")
    String httpsPort;

    @Option(names = "--https-certificate-file", paramLabel = "FILE", description = "PEM certificate (chain).")
    String httpsCertificateFile;

    @Option(names = "--https-certificate-key-file", paramLabel = "FILE", description = "PEM private key.")
    String httpsCertificateKeyFile;

    @Option(names = "--db", paramLabel = "h2|postgres", description = "Database vendor.")
    String db;

    @Option(names = "--db-url", paramLabel = "JDBC-URL", description = "Database JDBC URL.")
    String dbUrl;

    @Option(names = "--db-username", paramLabel = "USER", description = "Database user.")
    String dbUsername;

    @Option(names = "--db-password", paramLabel = "PASSWORD",
            description = "Database password (prefer VIGIL_DB_PASSWORD: command lines are visible to other users).")
    String dbPassword;

    @Option(names = "--data-dir", paramLabel = "FOLDER", description = "Journal, H2 database and snapshots.")
    String dataDir;

    @Option(names = "--engine", paramLabel = "embedded|flink", description = "Detection engine.")
    String engine;

    @Option(names = "--syslog-tcp-port", paramLabel = "PORT", description = "Receive syslog over TCP (off unless set).")
    String syslogTcpPort;

    @Option(names = "--syslog-udp-port", paramLabel = "PORT", description = "Receive syslog over UDP (off unless set).")
    String syslogUdpPort;

    @Option(names = "--watch-dir", paramLabel = "FOLDER",
            description = "Ingest event files dropped here (start-dev default <data-dir>/inbox).")
    String watchDir;

    @Option(names = "--oidc-issuer-url", paramLabel = "URL", description = "OpenID Connect issuer for console sign-in.")
    String oidcIssuerUrl;

    @Option(names = "--oidc-client-id", paramLabel = "ID", description = "OpenID Connect client id.")
    String oidcClientId;

    @Option(names = "--oidc-client-secret", paramLabel = "SECRET",
            description = "OpenID Connect client secret (prefer VIGIL_OIDC_CLIENT_SECRET: command lines are visible to other users).")
    String oidcClientSecret;

    @Option(names = "--oidc-role-claim", paramLabel = "CLAIM", description = "ID token claim with Vigil roles (default roles).")
    String oidcRoleClaim;

    @Option(names = "--hostname-url", paramLabel = "URL",
            description = "Public base URL of the console, for links Vigil sends out (SIEM AlertLink).")
    String hostnameUrl;

    @Option(names = "--config-file", paramLabel = "FILE", description = "Config file (default conf/vigil.conf).")
    String configFile;

    /** The settings the user actually typed. */
    Map<ServerSetting, String> given() {
        Map<ServerSetting, String> given = new EnumMap<>(ServerSetting.class);
        put(given, ServerSetting.HTTP_HOST, httpHost);
        put(given, ServerSetting.HTTP_PORT, httpPort);
        put(given, ServerSetting.HTTP_ENABLED, httpEnabled);
        put(given, ServerSetting.HTTPS_PORT, httpsPort);
        put(given, ServerSetting.HTTPS_CERTIFICATE_FILE, httpsCertificateFile);
        put(given, ServerSetting.HTTPS_CERTIFICATE_KEY_FILE, httpsCertificateKeyFile);
        put(given, ServerSetting.DB, db);
        put(given, ServerSetting.DB_URL, dbUrl);
        put(given, ServerSetting.DB_USERNAME, dbUsername);
        put(given, ServerSetting.DB_PASSWORD, dbPassword);
        put(given, ServerSetting.DATA_DIR, dataDir);
        put(given, ServerSetting.ENGINE, engine);
        put(given, ServerSetting.SYSLOG_TCP_PORT, syslogTcpPort);
        put(given, ServerSetting.SYSLOG_UDP_PORT, syslogUdpPort);
        put(given, ServerSetting.WATCH_DIR, watchDir);
        put(given, ServerSetting.OIDC_ISSUER_URL, oidcIssuerUrl);
        put(given, ServerSetting.OIDC_CLIENT_ID, oidcClientId);
        put(given, ServerSetting.OIDC_CLIENT_SECRET, oidcClientSecret);
        put(given, ServerSetting.OIDC_ROLE_CLAIM, oidcRoleClaim);
        put(given, ServerSetting.HOSTNAME_URL, hostnameUrl);
        put(given, ServerSetting.CONFIG_FILE, configFile);
        return given;
    }

    private static void put(Map<ServerSetting, String> map, ServerSetting setting, String value) {
        if (value != null) {
            map.put(setting, value);
        }
    }
}
