package io.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code vigil start} refuses unsafe or incomplete settings before anything starts. */
class StartCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VigilCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void productionWithoutPostgresIsAUsageError() {
        String[] result = run("start", "--config-file", "/nonexistent/vigil.conf");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[1]).contains("vigil start: config file /nonexistent/vigil.conf does not exist");
        String[] noDb = run("start", "--http-enabled", "true");
        assertThat(noDb[0]).isEqualTo("2");
        assertThat(noDb[1]).contains("--db-url").contains("start-dev");
    }

    @Test
    void productionWithoutTlsOrAnExplicitHttpOptInIsAUsageError() {
        String[] result = run("start", "--db-url", "jdbc:postgresql://127.0.0.1:1/vigil");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[1]).contains("--https-certificate-file").contains("--http-enabled=true");
    }

    @Test
    void aBadPortIsAUsageErrorNamingTheOption() {
        String[] result = run("start-dev", "--http-port", "http");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[1]).contains("--http-port (from command line) is 'http'");
    }
}
