package io.vigil.server.cli;

import io.vigil.server.demo.DemoCommand;
import io.vigil.server.scan.ScanCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vigil} command. Sub-commands that only read files ({@code scan}, {@code demo}) never
 * start the server framework, so they start in well under a second; {@code start} and
 * {@code start-dev} run the server.
 */
@Command(name = "vigil",
        mixinStandardHelpOptions = true,
        versionProvider = VigilVersion.class,
        description = "Identity threat detection and response for Active Directory.",
        subcommands = {ScanCommand.class, DemoCommand.class, StartCommands.StartDev.class, StartCommands.Start.class,
            CommandLine.HelpCommand.class})
public final class VigilCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs with its output captured, for tests and embedding. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine().setOut(out).setErr(err).execute(args);
    }

    private static CommandLine commandLine() {
        return new CommandLine(new VigilCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
