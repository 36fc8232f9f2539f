package io.vigil.server.scan;

import io.vigil.detection.directory.StaticDirectory;
import io.vigil.detection.registry.DetectorRegistry;
import io.vigil.detection.spi.Detector;
import io.vigil.engine.embedded.EngineOptions;
import io.vigil.server.cli.ExitCodes;
import io.vigil.server.scan.output.AlertWriter;
import io.vigil.server.scan.output.OutputFormat;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil scan PATH…}: offline detection over log files and folders. */
@Command(name = "scan",
        mixinStandardHelpOptions = true,
        description = {
            "Reads domain controller logs (EVTX, Windows event XML, JSON lines of NXLog, Winlogbeat, "
                + "Sentinel or Sigma test data; inside zip, gzip and tar too), runs every detector and prints "
                + "the alerts.",
            "Exit codes: 0 scan done (alerts or not; undecodable records are reported on stderr and counted), "
                + "2 bad command line, 3 a path does not exist or cannot be read, 1 internal error."},
        sortOptions = false)
public final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders (read recursively).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, jsonl, csv or securityalert (Microsoft Sentinel SecurityAlert rows). "
                    + "Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write alerts to FILE instead of stdout.")
    Path output;

    @Option(names = "--honeytoken", paramLabel = "ACCOUNT",
            description = "A decoy account: any authentication by it raises an alert. Repeatable.")
    List<String> honeytokens = new ArrayList<>();

    @Option(names = "--domain-controller", paramLabel = "NAME",
            description = "A domain controller's name (DC01 or DC01$). When given, replication by any other "
                    + "machine account is treated as DCSync. Repeatable.")
    List<String> domainControllers = new ArrayList<>();

    @Option(names = "--set", paramLabel = "DETECTOR.SETTING=VALUE",
            description = "Tune a detector, e.g. --set kerberoasting.threshold=2 or --set dcsync.enabled=false. "
                    + "Repeatable; see --list-detectors.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--list-detectors", description = "List the detectors and exit.")
    boolean listDetectors;

    @Option(names = "--workers", paramLabel = "N",
            description = "Detector threads (default: one per core; 0 runs detectors on the reading thread).")
    Integer workers;

    @Option(names = "--progress", negatable = true,
            description = "Show a progress bar on stderr (default: when stderr is a terminal).")
    Boolean progress;

    @Option(names = {"-q", "--quiet"}, description = "Do not print each undecodable record; still count them.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        DetectorRegistry registry = DetectorRegistry.discover();
        if (listDetectors) {
            DetectorList.print(registry, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
        List<Detector<?>> detectors;
        try {
            detectors = registry.create(settings);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        for (Path p : paths) {
            if (!Files.exists(p)) {
                spec.commandLine().getErr().println("vigil scan: " + p + ": no such file or folder");
                return ExitCodes.UNREADABLE_INPUT;
            }
            if (!Files.isReadable(p)) {
                spec.commandLine().getErr().println("vigil scan: " + p + ": not readable");
                return ExitCodes.UNREADABLE_INPUT;
            }
        }
        EngineOptions engine = EngineOptions.forRecordings();
        if (workers != null) {
            engine = engine.withWorkers(Math.max(0, workers));
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean showProgress = progress != null ? progress : System.console() != null;
        ScanObserver observer = new ConsoleScanObserver(err, quiet, showProgress);
        ScanPipeline pipeline = new ScanPipeline(detectors,
                new StaticDirectory(honeytokens, domainControllers), engine);
        ScanResult result = pipeline.run(paths, observer);

        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            AlertWriter.forFormat(format).write(result.alerts(), out);
            ScanSummary.print(result, format.machineReadable() ? err : out);
            out.flush();
        } else {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
                AlertWriter.forFormat(format).write(result.alerts(), out);
            }
            ScanSummary.print(result, err);
        }
        err.flush();
        return result.unreadableSources() > 0 ? ExitCodes.UNREADABLE_INPUT : ExitCodes.OK;
    }
}
