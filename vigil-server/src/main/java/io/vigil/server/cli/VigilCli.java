package io.vigil.server.cli;

import io.vigil.server.demo.DemoCommand;
import io.vigil.server.scan.ScanCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vigil} command. Sub-commands that only read files ({@code scan}, {@code demo}) never
 * start the server framework, so they start in well under a second.
 */
@Command(name = "vigil",
        mixinStandardHelpOptions = true,
        versionProvider = VigilVersion.class,
        description = "Identity threat detection and response for Active Directory.",
        subcommands = {ScanCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class VigilCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new VigilCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }
}
