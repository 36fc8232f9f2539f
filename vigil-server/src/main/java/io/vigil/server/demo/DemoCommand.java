package io.vigil.server.demo;

import io.vigil.server.scan.ScanCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil demo}: writes a short recording of an attack on a domain controller (Windows event
 * XML and Winlogbeat JSON lines) and scans it, so a new user sees what Vigil finds in one command.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Write a demo domain controller log with an attack in it, then scan it.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", defaultValue = "vigil-demo", paramLabel = "FOLDER",
            description = "Where to write the demo logs (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Passed to scan: table, jsonl, csv or securityalert.")
    String format;

    @Override
    public Integer call() throws Exception {
        int events = DemoLogWriter.write(dir);
        PrintWriter err = spec.commandLine().getErr();
        err.println("Wrote " + events + " events of DC01's Security log to " + dir.toAbsolutePath()
                + " (" + DemoLogWriter.XML_FILE + ", " + DemoLogWriter.JSON_FILE + ").");
        err.println("Scanning it: vigil scan " + dir + " --honeytoken " + DemoScenario.HONEYTOKEN);
        err.println();
        err.flush();
        return new CommandLine(new ScanCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(spec.commandLine().getOut()).setErr(err)
                .execute(dir.toString(), "--honeytoken", DemoScenario.HONEYTOKEN, "--format", format);
    }
}
