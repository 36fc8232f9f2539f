package io.vigil.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.server.config.ServerConfig.Database;
import io.vigil.server.config.ServerConfig.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

    @TempDir
    Path dir;

    private ResolvedSettings settings(Map<ServerSetting, String> cli, Map<String, String> env) {
        return ResolvedSettings.resolve(cli, env, dir.resolve("conf/vigil.conf"));
    }

    @Test
    void startDevNeedsNothing() {
        ServerConfig c = ServerConfig.of(Mode.DEVELOPMENT, settings(Map.of(), Map.of()));
        assertThat(c.httpHost()).isEqualTo("127.0.0.1");
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.httpEnabled()).isTrue();
        assertThat(c.database()).isEqualTo(Database.H2);
        assertThat(c.dbUrl()).startsWith("jdbc:h2:file:").contains("vigil-data");
        assertThat(c.tls()).isFalse();
    }

    @Test
    void commandLineBeatsEnvironmentWhichBeatsTheConfigFile() throws IOException {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/vigil.conf"), "http-port=7000\nhttp-host=10.1.1.1\ndata-dir=/var/vigil\n");
        ResolvedSettings s = settings(Map.of(ServerSetting.HTTP_PORT, "9000"),
                Map.of("VIGIL_HTTP_PORT", "8000", "VIGIL_HTTP_HOST", "0.0.0.0"));
        assertThat(s.get(ServerSetting.HTTP_PORT)).isEqualTo("9000");
        assertThat(s.sourceOf(ServerSetting.HTTP_PORT)).isEqualTo(ResolvedSettings.Source.COMMAND_LINE);
        assertThat(s.get(ServerSetting.HTTP_HOST)).isEqualTo("0.0.0.0");
        assertThat(s.sourceOf(ServerSetting.HTTP_HOST)).isEqualTo(ResolvedSettings.Source.ENVIRONMENT);
        assertThat(s.get(ServerSetting.DATA_DIR)).isEqualTo("/var/vigil");
        assertThat(s.sourceOf(ServerSetting.DATA_DIR)).isEqualTo(ResolvedSettings.Source.CONFIG_FILE);
        assertThat(s.sourceOf(ServerSetting.DB)).isEqualTo(ResolvedSettings.Source.DEFAULT);
    }

    @Test
    void productionRefusesToRunWithoutPostgres() {
        assertThatThrownBy(() -> ServerConfig.of(Mode.PRODUCTION, settings(Map.of(), Map.of())))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("--db-url")
                .hasMessageContaining("start-dev");
        assertThatThrownBy(() -> ServerConfig.of(Mode.PRODUCTION, settings(Map.of(ServerSetting.DB, "h2"), Map.of())))
                .hasMessageContaining("PostgreSQL only");
    }

    @Test
    void productionRefusesPlainHttpUnlessAskedFor() {
        Map<ServerSetting, String> pg = Map.of(ServerSetting.DB_URL, "jdbc:postgresql://db:5432/vigil");
        assertThatThrownBy(() -> ServerConfig.of(Mode.PRODUCTION, settings(pg, Map.of())))
                .hasMessageContaining("--https-certificate-file").hasMessageContaining("--http-enabled=true");
        ServerConfig c = ServerConfig.of(Mode.PRODUCTION, settings(pg, Map.of("VIGIL_HTTP_ENABLED", "true")));
        assertThat(c.httpEnabled()).isTrue();
        assertThat(c.httpHost()).isEqualTo("0.0.0.0");
        assertThat(c.database()).isEqualTo(Database.POSTGRES);
    }

    @Test
    void tlsNeedsBothFilesAndReadableOnes() throws IOException {
        Map<ServerSetting, String> pg = Map.of(ServerSetting.DB_URL, "jdbc:postgresql://db/vigil",
                ServerSetting.HTTPS_CERTIFICATE_FILE, dir.resolve("cert.pem").toString());
        assertThatThrownBy(() -> ServerConfig.of(Mode.PRODUCTION, settings(pg, Map.of())))
                .hasMessageContaining("both");
        Files.writeString(dir.resolve("cert.pem"), "x");
        Files.writeString(dir.resolve("key.pem"), "x");
        ServerConfig c = ServerConfig.of(Mode.PRODUCTION, settings(Map.of(ServerSetting.DB_URL, "jdbc:postgresql://db/vigil",
                ServerSetting.HTTPS_CERTIFICATE_FILE, dir.resolve("cert.pem").toString(),
                ServerSetting.HTTPS_CERTIFICATE_KEY_FILE, dir.resolve("key.pem").toString()), Map.of()));
        assertThat(c.tls()).isTrue();
        assertThat(c.httpEnabled()).isFalse();
    }

    @Test
    void aBadValueNamesTheOptionAndWhereItCameFrom() {
        assertThatThrownBy(() -> ServerConfig.of(Mode.DEVELOPMENT, settings(Map.of(), Map.of("VIGIL_HTTP_PORT", "80a"))))
                .hasMessage("--http-port (from environment) is '80a'; expected a port number from 0 to 65535");
        assertThatThrownBy(() -> ServerConfig.of(Mode.DEVELOPMENT, settings(Map.of(ServerSetting.DB_URL,
                "jdbc:postgresql://x/y"), Map.of()))).hasMessageContaining("not a h2 JDBC URL");
    }

    @Test
    void unknownConfigFileSettingsAreRejectedAndSecretsNeverShown() throws IOException {
        Path file = dir.resolve("custom.conf");
        Files.writeString(file, "http-prot=1\n");
        assertThatThrownBy(() -> settings(Map.of(ServerSetting.CONFIG_FILE, file.toString()), Map.of()))
                .hasMessageContaining("unknown setting 'http-prot'");
        ResolvedSettings s = settings(Map.of(ServerSetting.DB_PASSWORD, "hunter2"), Map.of());
        assertThat(s.display(ServerSetting.DB_PASSWORD)).isEqualTo("****");
        assertThatThrownBy(() -> settings(Map.of(ServerSetting.CONFIG_FILE, dir.resolve("missing.conf").toString()),
                Map.of())).hasMessageContaining("does not exist");
    }
}
