package io.vigil.server.scan;

import io.vigil.server.cli.VigilCli;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One captured run of the {@code vigil} command. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VigilCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
