package io.vigil.server.config;

import static io.vigil.server.config.ServerSetting.DATA_DIR;
import static io.vigil.server.config.ServerSetting.DB;
import static io.vigil.server.config.ServerSetting.DB_PASSWORD;
import static io.vigil.server.config.ServerSetting.DB_URL;
import static io.vigil.server.config.ServerSetting.DB_USERNAME;
import static io.vigil.server.config.ServerSetting.ENGINE;
import static io.vigil.server.config.ServerSetting.HTTPS_CERTIFICATE_FILE;
import static io.vigil.server.config.ServerSetting.HTTPS_CERTIFICATE_KEY_FILE;
import static io.vigil.server.config.ServerSetting.HTTPS_PORT;
import static io.vigil.server.config.ServerSetting.HTTP_ENABLED;
import static io.vigil.server.config.ServerSetting.HTTP_HOST;
import static io.vigil.server.config.ServerSetting.HTTP_PORT;
import static io.vigil.server.config.ServerSetting.SYSLOG_TCP_PORT;
import static io.vigil.server.config.ServerSetting.SYSLOG_UDP_PORT;
import static io.vigil.server.config.ServerSetting.WATCH_DIR;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The server's configuration after resolution and validation. {@code start-dev} needs nothing: an H2
 * file database under {@code ./vigil-data}, plain HTTP on 127.0.0.1:8080. {@code start} refuses to run
 * without PostgreSQL, and without TLS unless {@code --http-enabled=true} says plain HTTP is intended
 * (behind a TLS-terminating proxy, say).
 */
public record ServerConfig(
        Mode mode,
        String httpHost,
        int httpPort,
        boolean httpEnabled,
        int httpsPort,
        Path httpsCertificateFile,
        Path httpsCertificateKeyFile,
        Database database,
        String dbUrl,
        String dbUsername,
        String dbPassword,
        Path dataDir,
        Engine engine,
        Ingest ingest,
        Oidc oidc,
        String masterKey,
        String hostnameUrl) {

    public enum Mode { DEVELOPMENT, PRODUCTION }

    public enum Database { H2, POSTGRES }

    public enum Engine { EMBEDDED, FLINK }

    /**
     * Live ingest besides HTTP, each off when null.
     *
     * @param syslogTcpPort syslog over TCP (0: any free port, for tests)
     * @param syslogUdpPort syslog over UDP (0: any free port)
     * @param watchDir      folder watched for dropped event files
     */
    public record Ingest(Integer syslogTcpPort, Integer syslogUdpPort, Path watchDir) {
    }

    /**
     * OpenID Connect sign-in for the console; null when no issuer is configured.
     *
     * @param roleClaim the ID token claim whose values name Vigil roles
     */
    public record Oidc(String issuerUrl, String clientId, String clientSecret, String roleClaim) {

        @Override
        public String toString() {
            return "Oidc[issuerUrl=" + issuerUrl + ", clientId=" + clientId + ", clientSecret=****, roleClaim="
                    + roleClaim + "]";
        }
    }

    public boolean tls() {
        return httpsCertificateFile != null;
    }

    public static ServerConfig of(Mode mode, ResolvedSettings s) {
        boolean dev = mode == Mode.DEVELOPMENT;
        Path dataDir = Path.of(or(s.get(DATA_DIR), "vigil-data"));
        Database database = parseEnum(Database.class, DB, or(s.get(DB), dev ? "h2" : "postgres"), s);
        String dbUrl = s.get(DB_URL);
        if (database == Database.POSTGRES && dbUrl == null) {
            throw new InvalidConfigurationException(dev
                    ? "--db postgres needs --db-url (or VIGIL_DB_URL), e.g. jdbc:postgresql://localhost:5432/vigil"
                    : "vigil start runs on PostgreSQL: set --db-url (or VIGIL_DB_URL), e.g. "
                            + "jdbc:postgresql://db.corp.local:5432/vigil. For a trial on this machine use vigil start-dev.");
        }
        if (!dev && database != Database.POSTGRES) {
            throw new InvalidConfigurationException("vigil start runs on PostgreSQL only (--db postgres); "
                    + "the embedded H2 database is for vigil start-dev.");
        }
        if (dbUrl != null && !dbUrl.startsWith(database == Database.H2 ? "jdbc:h2:" : "jdbc:postgresql:")) {
            throw new InvalidConfigurationException("--db-url " + dbUrl + " is not a " + database.name().toLowerCase(
                    Locale.ROOT) + " JDBC URL");
        }
        if (dbUrl == null) {
            dbUrl = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("vigil") + ";AUTO_SERVER=FALSE";
        }
        Path certificate = path(s.get(HTTPS_CERTIFICATE_FILE));
        Path key = path(s.get(HTTPS_CERTIFICATE_KEY_FILE));
        if ((certificate == null) != (key == null)) {
            throw new InvalidConfigurationException(
                    "TLS needs both --https-certificate-file and --https-certificate-key-file");
        }
        for (Path p : new Path[] {certificate, key}) {
            if (p != null && !Files.isReadable(p)) {
                throw new InvalidConfigurationException("cannot read " + p);
            }
        }
        boolean httpEnabled = parseBoolean(HTTP_ENABLED, or(s.get(HTTP_ENABLED), dev ? "true" : "false"), s);
        if (!dev && certificate == null && !httpEnabled) {
            throw new InvalidConfigurationException("vigil start serves HTTPS: set --https-certificate-file and "
                    + "--https-certificate-key-file, or --http-enabled=true if a proxy terminates TLS in front of Vigil.");
        }
        if (!httpEnabled && certificate == null) {
            throw new InvalidConfigurationException("neither HTTP nor HTTPS is enabled");
        }
        return new ServerConfig(mode,
                or(s.get(HTTP_HOST), dev ? "127.0.0.1" : "0.0.0.0"),
                port(HTTP_PORT, or(s.get(HTTP_PORT), "8080"), s),
                httpEnabled,
                port(HTTPS_PORT, or(s.get(HTTPS_PORT), "8443"), s),
                certificate, key, database, dbUrl,
                or(s.get(DB_USERNAME), database == Database.H2 ? "vigil" : null),
                or(s.get(DB_PASSWORD), database == Database.H2 ? "" : null),
                dataDir,
                parseEnum(Engine.class, ENGINE, or(s.get(ENGINE), "embedded"), s),
                new Ingest(optionalPort(SYSLOG_TCP_PORT, s), optionalPort(SYSLOG_UDP_PORT, s),
                        path(or(s.get(WATCH_DIR), dev ? dataDir.resolve("inbox").toString() : null))),
                oidc(s),
                s.get(ServerSetting.MASTER_KEY),
                hostnameUrl(s));
    }

    /** Where the master key of the secret store is kept when {@code --master-key} is not given. */
    public Path masterKeyFile() {
        return dataDir.resolve("secrets.key");
    }

    @Override
    public String toString() {
        return "ServerConfig[mode=" + mode + ", http=" + httpHost + ":" + httpPort + " (enabled " + httpEnabled
                + "), https=" + httpsPort + ", tls=" + tls() + ", database=" + database + " " + dbUrl + " as " + dbUsername
                + ", dbPassword=****, dataDir=" + dataDir + ", engine=" + engine + ", ingest=" + ingest + ", oidc=" + oidc
                + ", masterKey=" + (masterKey == null ? "file" : "****") + ", hostnameUrl=" + hostnameUrl + "]";
    }

    private static Oidc oidc(ResolvedSettings s) {
        String issuer = s.get(ServerSetting.OIDC_ISSUER_URL);
        if (issuer == null || issuer.isBlank()) {
            return null;
        }
        if (!issuer.startsWith("https://") && !issuer.startsWith("http://")) {
            throw invalid(ServerSetting.OIDC_ISSUER_URL, issuer, "an http(s) URL", s);
        }
        String clientId = s.get(ServerSetting.OIDC_CLIENT_ID);
        if (clientId == null || clientId.isBlank()) {
            throw new InvalidConfigurationException("--oidc-issuer-url needs --oidc-client-id (and usually "
                    + "--oidc-client-secret, best given as VIGIL_OIDC_CLIENT_SECRET)");
        }
        return new Oidc(issuer.strip(), clientId.strip(), s.get(ServerSetting.OIDC_CLIENT_SECRET),
                or(s.get(ServerSetting.OIDC_ROLE_CLAIM), "roles"));
    }

    /** The public base URL without a trailing slash, or null when not set (links then stay empty). */
    private static String hostnameUrl(ResolvedSettings s) {
        String value = s.get(ServerSetting.HOSTNAME_URL);
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.strip().replaceAll("/+$", "");
        if (!url.matches("https?://[^/\\s]+(/\\S*)?")) {
            throw invalid(ServerSetting.HOSTNAME_URL, value, "an http(s) URL such as https://vigil.corp.local", s);
        }
        return url;
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    private static int port(ServerSetting setting, String value, ResolvedSettings s) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(setting, value, "a port number from 0 to 65535", s);
    }

    private static Integer optionalPort(ServerSetting setting, ResolvedSettings s) {
        String value = s.get(setting);
        return value == null || value.isBlank() ? null : port(setting, value, s);
    }

    private static boolean parseBoolean(ServerSetting setting, String value, ResolvedSettings s) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw invalid(setting, value, "true or false", s);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, ServerSetting setting, String value,
            ResolvedSettings s) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw invalid(setting, value, "one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList(), s);
    }

    private static InvalidConfigurationException invalid(ServerSetting setting, String value, String expected,
            ResolvedSettings s) {
        String shown = setting.secret() ? "****" : value;
        return new InvalidConfigurationException(setting.option() + " (from " + s.sourceOf(setting)
                .name().toLowerCase(Locale.ROOT).replace('_', ' ') + ") is '" + shown + "'; expected " + expected);
    }
}
