package io.vigil.server.cli;

import io.vigil.server.VigilServer;
import io.vigil.server.config.InvalidConfigurationException;
import io.vigil.server.config.ResolvedSettings;
import io.vigil.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigil start} and {@code vigil start-dev}: the same server, production and trial defaults. */
final class StartCommands {

    private StartCommands() {
    }

    static int start(CommandSpec spec, ServerOptions options, ServerConfig.Mode mode) {
        ServerConfig config;
        try {
            ResolvedSettings settings = ResolvedSettings.resolve(options.given(), System.getenv(),
                    Path.of("conf", "vigil.conf"));
            config = ServerConfig.of(mode, settings);
        } catch (InvalidConfigurationException e) {
            spec.commandLine().getErr().println("vigil " + spec.name() + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.USAGE;
        }
        ConfigurableApplicationContext server = VigilServer.run(config);
        awaitClose(server);
        return ExitCodes.OK;
    }

    /** What both commands do; each says only its mode. */
    abstract static class StartBase implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ServerOptions options;

        abstract ServerConfig.Mode mode();

        @Override
        public Integer call() {
            return start(spec, options, mode());
        }
    }

    /**
     * Keeps the command running while the server runs: the server stops when its context is closed
     * (SIGTERM runs Spring's shutdown hook), and only then may the process exit.
     */
    private static void awaitClose(ConfigurableApplicationContext server) {
        CountDownLatch closed = new CountDownLatch(1);
        server.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> closed.countDown());
        if (!server.isActive()) {
            return;
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Command(name = "start-dev", mixinStandardHelpOptions = true,
            description = "Start the server for a trial: embedded H2 database under ./vigil-data, "
                    + "http://127.0.0.1:8080, a first admin password printed once.")
    static final class StartDev extends StartBase {
        @Override
        ServerConfig.Mode mode() {
            return ServerConfig.Mode.DEVELOPMENT;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the server for production: PostgreSQL (--db-url) and TLS "
                    + "(--https-certificate-file/--https-certificate-key-file) or an explicit --http-enabled=true.")
    static final class Start extends StartBase {
        @Override
        ServerConfig.Mode mode() {
            return ServerConfig.Mode.PRODUCTION;
        }
    }
}
